from decimal import Decimal

from django import template

from billing.documents import brl as _brl

register = template.Library()


@register.filter
def brl(value: Decimal | None) -> str:
    """R$ 1.234,56 in Portuguese (the active language's separators)."""
    return _brl(value)
