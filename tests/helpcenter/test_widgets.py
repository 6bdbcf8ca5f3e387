"""Options that are content carry their language on pages in another language (WCAG 3.1.2)."""

import re

import pytest
from django.utils import translation

from support.forms import ChooserForm
from tests.factories import FormFieldFactory, SubjectFactory, TicketFormFactory, TicketTypeFactory
from tickets.forms import RequestForm
from tickets.models import FormField, TicketType

pytestmark = pytest.mark.django_db


def option(html: str, text: str) -> str:
    match = re.search(rf"<option[^>]*>{re.escape(text)}</option>", html)
    assert match, f"no option {text!r} in {html}"
    return match.group(0)


def chooser():
    subject_form = TicketFormFactory(product=None, subject=SubjectFactory(name="Financeiro"), slug="financeiro")
    product_form = TicketFormFactory(product__name="Datavalid", slug="datavalid")
    return ChooserForm(subject_forms=[subject_form], product_forms=[product_form])


def test_on_an_english_page_the_portuguese_subjects_and_products_say_so():
    form = chooser()
    with translation.override("en"):
        subject, product = str(form["subject"]), str(form["product"])
    assert 'lang="pt-BR"' in option(subject, "Financeiro")
    assert 'lang="pt-BR"' in option(product, "Datavalid")
    assert "lang=" not in option(subject, "Choose a subject")


def test_on_a_portuguese_page_no_option_is_marked():
    form = chooser()
    html = str(form["subject"])
    assert "lang=" not in option(html, "Financeiro")


def test_ticket_types_and_a_forms_own_choices_are_marked_in_spanish():
    TicketTypeFactory(name="Incidente")
    choice = FormFieldFactory(label="Ambiente", kind=FormField.Kind.CHOICE, choices="Produção\nHomologação")
    boxes = FormFieldFactory(
        form=choice.form, label="Canais", kind=FormField.Kind.MULTIPLE_CHOICE, choices="API\nPortal"
    )
    form = RequestForm(types=TicketType.objects.all(), extra_fields=[choice, boxes])
    with translation.override("es"):
        types, environments = str(form["type"]), str(form[choice.key])
        channels = str(form[boxes.key])
    assert 'lang="pt-BR"' in option(types, "Incidente")
    assert 'lang="pt-BR"' in option(environments, "Homologação")
    assert "lang=" not in option(environments, "—")
    assert channels.count('lang="pt-BR"') == 2
