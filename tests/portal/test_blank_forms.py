"""A blank form that renders the same for everyone is rendered once per language; any other form every time."""

from unittest import mock

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms
from django.template import engines
from django.utils import translation

from portal.templatetags import blank_forms
from tickets.forms import RateForm, ReplyForm

pytestmark = pytest.mark.usefixtures("empty_kept_html")


class NoteForm(forms.Form):
    cache_blank_html = True
    note = forms.CharField(label="Observação", max_length=20)


class PersonalForm(NoteForm):
    cache_blank_html = False


def _render(source: str, **context) -> str:
    return engines["django"].from_string("{% load blank_forms %}" + source).render(context)


def _counting():
    return mock.patch.object(blank_forms, "as_crispy_form", wraps=as_crispy_form)


def test_a_blank_form_is_rendered_by_crispy_once_then_served_as_it_was():
    with _counting() as crispy:
        first = _render("{{ form|blank_crispy }}", form=NoteForm())
        again = _render("{{ form|blank_crispy }}", form=NoteForm())
    assert first == again == str(as_crispy_form(NoteForm()))
    assert 'name="note"' in first
    assert crispy.call_count == 1


def test_a_form_with_data_shows_what_was_typed_and_its_errors_every_time():
    with _counting() as crispy:
        _render("{{ form|blank_crispy }}", form=NoteForm())
        html = _render("{{ form|blank_crispy }}", form=NoteForm(data={"note": "x" * 25}))
    assert 'value="' + "x" * 25 + '"' in html
    assert "no máximo 20 caracteres" in html
    assert crispy.call_count == 2


def test_a_form_with_initial_values_or_not_marked_the_same_for_everyone_is_rendered_every_time():
    with _counting() as crispy:
        _render("{{ a|blank_crispy }}{{ a|blank_crispy }}", a=PersonalForm())
        html = _render("{{ b|blank_crispy }}{{ b|blank_crispy }}", b=NoteForm(initial={"note": "Olá"}))
    assert 'value="Olá"' in html
    assert crispy.call_count == 4


def test_each_language_gets_its_own_copy():
    with translation.override("en"):
        english = _render("{{ form|blank_crispy }}", form=ReplyForm())
    portuguese = _render("{{ form|blank_crispy }}", form=ReplyForm())
    assert "Your message" in english
    assert "Sua mensagem" in portuguese


def test_one_field_of_a_blank_form_is_kept_apart_from_the_whole_form():
    with mock.patch.object(blank_forms, "as_crispy_field", wraps=as_crispy_field) as crispy:
        comment = _render("{{ form.comment|blank_crispy_field }}", form=RateForm())
        _render("{{ form.comment|blank_crispy_field }}", form=RateForm())
    whole = _render("{{ form|blank_crispy }}", form=RateForm())
    assert comment == str(as_crispy_field(RateForm()["comment"]))
    assert 'name="rating"' not in comment
    assert 'name="rating"' in whole
    assert crispy.call_count == 1


def test_a_settings_change_empties_the_store(settings):
    _render("{{ form|blank_crispy }}", form=NoteForm())
    assert blank_forms._rendered
    settings.PORTAL_BRAND = "Outra marca"
    assert not blank_forms._rendered


def _started_with(note: str) -> NoteForm:
    form = NoteForm(initial={"note": note})
    form.blank_html_varies_with = (note,)  # the form names what its blank HTML depends on
    return form


def test_a_form_that_names_what_it_varies_with_is_kept_once_for_each_value():
    with _counting() as crispy:
        first = _render("{{ form|blank_crispy }}", form=_started_with("Olá"))
        again = _render("{{ form|blank_crispy }}", form=_started_with("Olá"))
        other = _render("{{ form|blank_crispy }}", form=_started_with("Oi"))
    assert first == again
    assert 'value="Olá"' in first
    assert 'value="Oi"' in other
    assert crispy.call_count == 2
