"""The ticket form's definition is read from the cache, and staff changes show on the very next page."""

import pytest

from tests.budgets import max_queries
from tests.factories import FormFieldFactory, TicketTypeFactory
from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step
from tickets import catalog

pytestmark = pytest.mark.django_db


def _on_step_3(client):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)
    return client.get("/tickets/novo/datavalid/").content.decode()


def test_a_form_is_read_once_then_served_from_the_cache(ticket_form):
    with max_queries(2):  # the form with its product, subject and team; its questions
        first = catalog.ticket_form("datavalid")
    with max_queries(0):
        again = catalog.ticket_form("datavalid")
    assert first.pk == again.pk == ticket_form.pk
    assert again.product.name == "Datavalid"


def test_a_product_slug_leads_to_its_form_and_an_unknown_one_to_nothing(ticket_form):
    ticket_form.slug = "suporte-datavalid"
    ticket_form.save()
    assert catalog.ticket_form("datavalid").pk == ticket_form.pk
    assert catalog.ticket_form("nao-existe") is None
    with max_queries(2) as again:
        assert catalog.ticket_form("nao-existe") is None
    assert again.captured_queries  # a slug that leads nowhere is looked up again, not kept


def test_a_question_staff_add_shows_on_the_next_page(client, ticket_form):
    FormFieldFactory(form=ticket_form, label="Ambiente afetado")
    assert "Ambiente afetado" in _on_step_3(client)  # the form is cached now, with this question

    FormFieldFactory(form=ticket_form, label="Número do contrato")
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Ambiente afetado" in html
    assert "Número do contrato" in html


def test_a_ticket_type_staff_add_or_rename_shows_on_the_next_page(client, ticket_form):
    assert "Incidente" in _on_step_3(client)
    TicketTypeFactory(name="Requisição")
    assert "Requisição" in client.get("/tickets/novo/datavalid/").content.decode()

    incident = catalog.ticket_types()[0]
    incident.name_pt_br = "Falha"
    incident.save()
    html = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Falha" in html
    assert "Incidente" not in html


def test_a_form_staff_switch_off_is_gone_at_once(client, ticket_form):
    assert client.get("/tickets/novo/datavalid/").status_code == 200
    ticket_form.active = False
    ticket_form.save()
    assert client.get("/tickets/novo/datavalid/").status_code == 404


def test_a_type_chosen_from_the_cached_list_is_the_row_and_a_forged_one_is_refused(client, ticket_form):
    _on_step_3(client)
    kind = catalog.ticket_types()[0]
    for forged in ["999999", "abc", " "]:
        response = post_step(client, "datavalid", "solicitacao", {"type": forged, "title": "T", "description": "D"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Faça uma escolha válida" in html or "Preencha este campo" in html
    response = post_step(client, "datavalid", "solicitacao", {"type": kind.pk, "title": "T", "description": "D"})
    assert response.status_code == 302
    review = client.get("/tickets/novo/datavalid/").content.decode()
    assert "Passo 4 de 4" in review
    assert "Incidente" in review
