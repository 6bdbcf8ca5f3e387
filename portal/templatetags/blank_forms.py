"""A blank form's HTML, rendered once per process and language.

A form nobody has typed in yet renders the same for everyone when its fields come from the code
alone: labels, help texts and widgets then depend on the code, the settings and the language.
Crispy-forms takes one to five milliseconds to render one; the ticket page shows three on every
view, and each step of the ticket form one. A form that says so (``cache_blank_html = True``:
nothing per person) is rendered once per language by ``{{ form|blank_crispy }}`` and
``{{ form.field|blank_crispy_field }}``; a bound form (data, errors) is rendered as usual.

Initial values and choices read from the database make a form differ: such a form is rendered as
usual too, unless it names everything its HTML depends on in ``blank_html_varies_with`` (a tuple,
say the language it starts in, or the version of the definitions it was built from), which then
joins the key. A form that is per person sets ``cache_blank_html = False`` on itself.

The HTML is kept in a ``portal.kept_html`` store: until the process ends, a settings change (in
tests), or its bound is reached.
"""

from collections.abc import Callable

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms, template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from portal.kept_html import KeptHtml

register = template.Library()

_rendered = KeptHtml()


def _varies_with(form: forms.BaseForm) -> tuple | None:
    """What a blank form's HTML depends on besides its class, prefix, ids and the language; None
    when it may differ in ways the form has not named, and is rendered every time."""
    if not getattr(form, "cache_blank_html", False) or form.is_bound:
        return None
    named = getattr(form, "blank_html_varies_with", None)
    if named is not None:
        return tuple(named)
    if form.initial or any(field.initial is not None for field in form.fields.values()):
        return None
    return ()


def _once(form: forms.BaseForm, part: str, varies: tuple, render: Callable[[], SafeString]) -> SafeString:
    return _rendered.get((type(form), form.prefix, form.auto_id, get_language(), part, *varies), render)


@register.filter
def blank_crispy(form: forms.BaseForm) -> SafeString:
    varies = _varies_with(form)
    if varies is None:
        return as_crispy_form(form)
    return _once(form, "", varies, lambda: as_crispy_form(form))


@register.filter
def blank_crispy_field(field: forms.BoundField) -> SafeString:
    varies = _varies_with(field.form)
    if varies is None:
        return as_crispy_field(field)
    return _once(field.form, field.name, varies, lambda: as_crispy_field(field))
