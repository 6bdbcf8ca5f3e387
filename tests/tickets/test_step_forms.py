"""A visitor's blank steps are rendered by crispy once per language and definition, never a person's."""

import re
from unittest import mock

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django.core.cache import cache

from helpcenter import page_cache
from portal.templatetags import blank_forms
from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_kept_html")]

URL = "/tickets/novo/datavalid/"
#: What differs per visitor outside the form's fields: the CSRF token and the submission key.
_PER_VISITOR = re.compile(r'name="(csrfmiddlewaretoken|key)" value="[^"]*"')


def _crispy_calls():
    """Counts crispy's renderings while the block runs (whole forms and single fields)."""
    return (
        mock.patch.object(blank_forms, "as_crispy_form", wraps=as_crispy_form),
        mock.patch.object(blank_forms, "as_crispy_field", wraps=as_crispy_field),
    )


def _three_steps(client):
    pages = [client.get(URL).content.decode()]
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    pages.append(client.get(URL).content.decode())
    post_step(client, "datavalid", "contato", CONTACT)
    pages.append(client.get(URL).content.decode())
    return [_PER_VISITOR.sub("", page) for page in pages]


def test_a_second_visitor_gets_the_same_blank_steps_without_crispy_rendering_them(
    client, django_user_model, ticket_form
):
    from django.test import Client

    first_form, first_field = _crispy_calls()
    with first_form as whole, first_field as fields:
        first = _three_steps(client)
    assert whole.call_count == 2  # steps 1 and 2
    assert fields.call_count == 4  # step 3, field by field: type, title, description, files
    for page, step, field in zip(first, ("1", "2", "3"), ("cpf", "email", "description"), strict=True):
        assert f"Passo {step} de 4" in page
        assert f'name="{field}"' in page

    second_form, second_field = _crispy_calls()
    with second_form as whole, second_field as fields:
        second = _three_steps(Client())
    assert whole.call_count == fields.call_count == 0
    assert second == first


def test_a_customers_first_step_shows_their_companies_after_a_visitors_was_kept(client, customer, ticket_form):
    from django.test import Client

    from tests.factories import MembershipFactory, OrganizationFactory

    # Two companies: none is chosen for them, so the step has no initial value to give it away.
    MembershipFactory(user=customer, organization=OrganizationFactory(legal_name="Casa Verde Serviços Ltda."))
    visitor = Client().get(URL).content.decode()
    assert 'name="cpf"' in visitor
    client.force_login(customer)
    html = client.get(URL).content.decode()
    assert "Nova Rota Tecnologia" in html  # their companies, to choose
    assert "Casa Verde Serviços" in html
    assert 'name="cpf"' not in html  # their account knows it
    assert 'name="name"' not in html


def test_the_contact_step_starts_in_each_visitors_language(ticket_form):
    from django.test import Client

    def contact_step(language):
        visitor = Client(headers={"accept-language": language})
        visitor.get(URL)
        post_step(visitor, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
        return visitor.get(URL).content.decode()

    portuguese = contact_step("pt-BR")
    english = contact_step("en")
    assert re.search(r'<option value="pt-br"[^>]*selected', portuguese)
    assert re.search(r'<option value="en"[^>]*selected', english)
    assert "Language for replies" in english
    assert re.search(r'<option value="pt-br"[^>]*selected', contact_step("pt-BR"))


def test_a_step_sent_back_with_errors_shows_them_and_what_was_typed(client, ticket_form):
    client.get(URL)  # the blank step is kept
    response = post_step(client, "datavalid", "identificacao", {**ANONYMOUS_IDENTIFICATION, "cpf": "111.111.111-12"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "CPF inválido" in html
    assert 'value="111.111.111-12"' in html


def test_a_content_version_lost_with_the_cache_starts_again_from_the_clock_never_from_one():
    cache.clear()
    first = page_cache.version()
    assert first > 10**15
    page_cache.bump()
    assert page_cache.version() == first + 1
    cache.clear()
    assert page_cache.version() > first + 1


def test_a_customers_e_mail_on_the_contact_step_is_never_shown_to_a_visitor(client, customer, ticket_form):
    from django.test import Client

    client.force_login(customer)
    client.get(URL)
    post_step(client, "datavalid", "identificacao", {"cnpj": "12ABC34501DE35"})
    customers = client.get(URL).content.decode()
    assert "Passo 2 de 4" in customers
    assert 'value="maria@cliente.example"' in customers

    visitor = Client()
    visitor.get(URL)
    post_step(visitor, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    visitors = visitor.get(URL).content.decode()
    assert "Passo 2 de 4" in visitors
    assert 'name="email"' in visitors
    assert "maria@cliente.example" not in visitors
