"""A blank form's HTML, rendered once per process and language.

A form nobody has typed in yet renders the same for everyone when its fields come from the code
alone: labels, help texts and widgets then depend on the code, the settings and the language.
Crispy-forms takes one to two milliseconds to render one, and the ticket page shows three on
every view. A form class that says so (``cache_blank_html = True``: no choices read from the
database, nothing per person) is rendered once per language by ``{{ form|blank_crispy }}`` and
``{{ form.field|blank_crispy_field }}``; a form with data, errors or initial values is rendered
as usual. A deploy restarts the processes; a settings change (in tests) empties the store.
"""

from collections.abc import Callable

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms, template
from django.core.signals import setting_changed
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()

_rendered: dict[tuple, SafeString] = {}


def _blank(form: forms.BaseForm) -> bool:
    return (
        getattr(form, "cache_blank_html", False)
        and not form.is_bound
        and not form.initial
        and all(field.initial is None for field in form.fields.values())
    )


def _once(form: forms.BaseForm, part: str, render: Callable[[], SafeString]) -> SafeString:
    key = (type(form), form.prefix, form.auto_id, get_language(), part)
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = render()
    return html


@register.filter
def blank_crispy(form: forms.BaseForm) -> SafeString:
    if not _blank(form):
        return as_crispy_form(form)
    return _once(form, "", lambda: as_crispy_form(form))


@register.filter
def blank_crispy_field(field: forms.BoundField) -> SafeString:
    if not _blank(field.form):
        return as_crispy_field(field)
    return _once(field.form, field.name, lambda: as_crispy_field(field))


def _forget(**kwargs) -> None:
    _rendered.clear()


setting_changed.connect(_forget, dispatch_uid="portal.blank_forms")
