"""What base.html needs to announce a failed step (WCAG 3.3.1, 4.1.3): does this page show errors?"""

from django import template
from django.contrib.messages import constants
from django.forms import BaseForm, BaseFormSet

register = template.Library()


def _failed(value) -> bool:
    # type(), not isinstance(): isinstance would evaluate lazy objects (request.user: a query).
    if issubclass(type(value), BaseForm | BaseFormSet):
        return value.is_bound and bool(value.errors)
    return False


@register.simple_tag(takes_context=True)
def page_has_errors(context) -> bool:
    """True when the page re-renders a form with errors, shows an error message, or says so itself.

    Any bound form (or formset) in the context counts, whatever its name, so every form page gets
    the "Erro: " title and the focus on its error summary without a line of its own; a view whose
    failure is not a form's sets ``has_errors`` in its context.
    """
    if context.get("has_errors"):
        return True
    flat = context.flatten()
    if any(_failed(value) for value in flat.values()):
        return True
    storage = flat.get("messages")
    return any(message.level >= constants.ERROR for message in storage or ())
