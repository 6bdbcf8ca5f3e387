from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def brl(value) -> str:
    """A Decimal as Brazilian reais, whatever the page's language: 12345.6 → "R$ 12.345,60"."""
    if value is None or value == "":
        return ""
    amount = Decimal(value).quantize(Decimal("0.01"))
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(amount):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{sign}R$\u00a0{grouped}"
