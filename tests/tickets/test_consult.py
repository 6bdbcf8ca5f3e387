"""Consulta de Solicitação de Serviço: signed-in results, and the anonymous e-mailed link."""

import re

import pytest
from django.core import mail

from portal.identifiers import mask_cpf
from tests.budgets import max_queries
from tests.factories import TicketFactory, valid_cpf
from tests.tickets.conftest import ANONYMOUS_CPF, ANONYMOUS_EMAIL, consult
from tickets.models import LookupToken, Ticket, parse_protocol

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def test_page_has_the_seed_labels_and_works_for_visitors(client):
    html = client.get("/tickets/consultar/").content.decode()
    for label in (
        "Consulta de Solicitação de Serviço",
        "* Campos de preenchimento obrigatório.",
        "Utilize o formulário abaixo para solicitar informações sobre atendimento(s).",
        "Consultar por",
        "Número da solicitação",
        "Situação da Solicitação de Serviço",
        "Abertas",
        "Fechadas",
        "Ex: 000.000.000-00",
        "Enviar",
    ):
        assert label in html


def test_the_number_example_shows_the_current_year(client):
    from django.utils import timezone

    year = timezone.localdate().year
    html = client.get("/tickets/consultar/").content.decode()
    assert f"Ex.: {year}SS/00042" in html
    assert "2022SS" not in html
    response = client.post("/tickets/consultar/", {"by": "numero", "number": "abc", "cpf": "529.982.247-25"})
    assert f"por exemplo {year}SS/00042" in response.content.decode()


def test_page_is_never_cached(client):
    assert "no-store" in client.get("/tickets/consultar/")["Cache-Control"]


# Visitors without an account


def _answer(client, **data):
    response = consult(client, **data)
    page = client.get(response["Location"])
    return response, CSRF.sub("", page.content.decode())


def test_visitor_gets_the_same_answer_whether_or_not_the_cpf_has_tickets(client, world):
    with_tickets, page_with = _answer(client, by="cpf", cpf=ANONYMOUS_CPF, situation="abertas")
    without, page_without = _answer(client, by="cpf", cpf="529.982.247-25", situation="abertas")

    assert (with_tickets.status_code, with_tickets["Location"]) == (without.status_code, without["Location"])
    assert page_with == page_without
    assert "Se houver solicitações para este CPF, enviamos um link de acesso ao e-mail cadastrado." in page_with
    assert world.anonymous_ticket.title not in page_with


def test_visitor_lookup_by_cpf_emails_one_link_to_each_address_on_the_cpfs_tickets(client, world):
    TicketFactory(requester_cpf=ANONYMOUS_CPF, email=ANONYMOUS_EMAIL.upper())  # the same address
    TicketFactory(requester_cpf=ANONYMOUS_CPF, email="outro@empresa.example")

    consult(client, by="cpf", cpf="111.444.777-35", situation="fechadas")

    assert sorted(message.to[0] for message in mail.outbox) == ["outro@empresa.example", ANONYMOUS_EMAIL]
    assert LookupToken.objects.count() == 2
    for message in mail.outbox:
        assert "/tickets/acesso/" in message.body
        assert world.anonymous_ticket.title not in message.body  # the e-mail shows no ticket data


def test_visitor_lookup_link_is_in_the_language_of_the_latest_ticket(client, world):
    consult(client, by="cpf", cpf=ANONYMOUS_CPF, situation="abertas")
    assert mail.outbox[0].subject == "Su enlace de acceso a las solicitudes"


def test_visitor_lookup_for_a_cpf_without_tickets_sends_nothing(client, world):
    consult(client, by="cpf", cpf="529.982.247-25", situation="abertas")
    assert mail.outbox == []
    assert not LookupToken.objects.exists()


def test_visitor_lookup_by_number_also_asks_for_the_requesters_cpf(client, world):
    response = consult(client, by="numero", number=world.anonymous_ticket.protocol)
    assert response.status_code == 200
    assert "Informe também o CPF do solicitante." in response.content.decode()
    assert mail.outbox == []


def test_visitor_lookup_by_number_sends_the_link_only_when_the_cpf_matches(client, world):
    protocol = world.anonymous_ticket.protocol
    _, wrong_cpf = _answer(client, by="numero", number=protocol, cpf=world.membro_a.cpf)
    assert mail.outbox == []
    _, right_cpf = _answer(client, by="numero", number=f"  {protocol.lower()} ", cpf=ANONYMOUS_CPF)
    assert [message.to for message in mail.outbox] == [[ANONYMOUS_EMAIL]]
    assert wrong_cpf == right_cpf


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"by": "cpf", "cpf": "123.456.789-00"}, "CPF inválido"),
        ({"by": "cpf", "cpf": "111.111.111-11"}, "CPF inválido"),
        ({"by": "cpf", "cpf": ""}, "Preencha este campo."),
        ({"by": "numero", "number": "SS/2026", "cpf": ANONYMOUS_CPF}, "Número inválido"),
        ({"by": "numero", "number": "2026SS/abc", "cpf": ANONYMOUS_CPF}, "Número inválido"),
        ({"by": "numero", "number": "", "cpf": ANONYMOUS_CPF}, "Preencha este campo."),
        ({"cpf": ANONYMOUS_CPF, "number": "2026SS/00001"}, "Escolha como consultar"),
        ({"by": "telefone", "cpf": ANONYMOUS_CPF}, "Faça uma escolha válida"),
    ],
)
def test_bad_consultation_input_gets_a_clear_message_and_keeps_what_was_typed(client, world, data, message):
    response = consult(client, **data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    for value in data.values():
        if value and value not in {"cpf", "numero", "telefone"}:
            assert f'value="{value}"' in html
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026SS/00042", (2026, 42)),
        (" 2026ss/00042 ", (2026, 42)),
        ("2026SS/42", (2026, 42)),
        ("2026SS00042", (2026, 42)),
        ("2026 SS / 00042", (2026, 42)),
        ("2026SS/100000", (2026, 100000)),
        ("2026SS/00000", None),
        ("26SS/00042", None),
        ("2026/00042", None),
        ("", None),
        ("2026SS/00042; DROP TABLE", None),
    ],
)
def test_protocol_numbers_are_read_in_their_sensible_variants(typed, expected):
    assert parse_protocol(typed) == expected


# Signed-in customers


def test_customer_sees_the_tickets_they_opened_by_cpf_open_then_closed(client, world):
    closed = TicketFactory(
        created_by=world.membro_a, requester_cpf=world.membro_a.cpf, status=Ticket.Status.CLOSED, title="Antigo"
    )
    client.force_login(world.membro_a)

    response = consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas")
    assert response["Location"] == "/tickets/consultar/#resultado"
    html = client.get("/tickets/consultar/").content.decode()
    assert world.colleague_ticket.title in html
    assert closed.title not in html

    consult(client, by="cpf", cpf=world.membro_a.cpf, situation="fechadas")
    html = client.get("/tickets/consultar/").content.decode()
    assert closed.title in html
    assert world.colleague_ticket.title not in html


def test_results_show_masked_cpfs_and_the_columns_customers_need(client, world):
    client.force_login(world.membro_a)
    consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas")
    html = client.get("/tickets/consultar/").content.decode()
    results = html[html.index('id="resultado"') :]
    assert world.colleague_ticket.cpf_redacted in results
    assert world.membro_a.cpf not in results
    assert mask_cpf(world.membro_a.cpf) not in results
    for column in ("Protocolo", "Assunto", "Produto ou assunto", "Situação", "Aberta em", "Última atualização"):
        assert column in results
    assert world.colleague_ticket.protocol in results


def test_gestor_sees_every_ticket_of_their_company(client, world):
    client.force_login(world.gestor_a)
    consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas")
    assert world.colleague_ticket.title in client.get("/tickets/consultar/").content.decode()


def test_membro_does_not_see_a_colleagues_ticket(client, world):
    other_member = TicketFactory(cnpj=world.company_a.cnpj, requester_cpf=world.gestor_a.cpf, created_by=world.gestor_a)
    client.force_login(world.membro_a)
    consult(client, by="cpf", cpf=world.gestor_a.cpf, situation="abertas")
    html = client.get("/tickets/consultar/").content.decode()
    assert other_member.title not in html
    assert "Nenhuma solicitação encontrada com estes dados." in html


def test_asking_for_what_one_may_not_see_looks_exactly_like_asking_for_nothing(client, world):
    client.force_login(world.gestor_a)
    consult(client, by="numero", number=world.other_company_ticket.protocol)
    forbidden = CSRF.sub("", client.get("/tickets/consultar/").content.decode())
    consult(client, by="numero", number="2026SS/99999")
    missing = CSRF.sub("", client.get("/tickets/consultar/").content.decode())
    assert forbidden.replace(world.other_company_ticket.protocol, "X") == missing.replace("2026SS/99999", "X")
    assert world.other_company_ticket.title not in forbidden


def test_cnpj_matching_is_exact_never_a_prefix(client, world):
    """A gestor of company A never sees a ticket whose CNPJ merely starts like A's."""
    lookalike = TicketFactory(cnpj=world.company_a.cnpj[:-2] + "00", requester_cpf=world.membro_a.cpf)
    client.force_login(world.gestor_a)
    consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas")
    html = client.get("/tickets/consultar/").content.decode()
    assert world.colleague_ticket.title in html  # the company's own ticket with that CPF is listed
    assert lookalike.title not in html


def test_customer_finds_one_ticket_by_number(client, world):
    client.force_login(world.membro_a)
    consult(client, by="numero", number=world.colleague_ticket.protocol.lower())
    html = client.get("/tickets/consultar/").content.decode()
    assert world.colleague_ticket.title in html
    assert "1 solicitação encontrada." in html


def test_results_are_newest_first_and_paginated(client, world):
    for _ in range(24):
        TicketFactory(created_by=world.membro_a, requester_cpf=world.membro_a.cpf)
    client.force_login(world.membro_a)
    consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas")

    first = client.get("/tickets/consultar/").content.decode()
    second = client.get("/tickets/consultar/?page=2").content.decode()
    protocols = re.findall(r"2026SS/\d{5}", first[first.index('id="resultado"') :])
    assert protocols == sorted(protocols, reverse=True)[: len(protocols)]
    assert len(set(protocols)) == 20
    assert "Página 2 de 2" in second
    assert "25 solicitações encontradas." in first


def test_the_cpf_and_number_never_travel_in_the_url(client, world):
    client.force_login(world.membro_a)
    response = consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas")
    assert world.membro_a.cpf not in response["Location"]
    assert client.get("/tickets/consultar/?cpf=" + world.membro_a.cpf).status_code == 200
    assert world.colleague_ticket.title in client.get("/tickets/consultar/").content.decode()


@pytest.mark.parametrize("rows", [1, 50])
def test_consultation_results_stay_within_budget(client, world, rows):
    for _ in range(rows):
        TicketFactory(created_by=world.gestor_a, cnpj=world.company_a.cnpj, requester_cpf=world.membro_a.cpf)
    client.force_login(world.gestor_a)
    consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas")
    with max_queries(5):
        response = client.get("/tickets/consultar/")
    assert response.status_code == 200


# Rate limits


def test_more_than_ten_consultations_a_minute_from_one_address_get_a_friendly_429(client, world):
    for n in range(10):
        assert consult(client, by="cpf", cpf=valid_cpf(n)).status_code == 302
    response = consult(client, by="cpf", cpf=valid_cpf(10))
    assert response.status_code == 429
    assert "Muitas tentativas" in response.content.decode()


def _lookup(client, address, cpf=ANONYMOUS_CPF):
    return client.post("/tickets/consultar/", {"by": "cpf", "cpf": cpf}, REMOTE_ADDR=address)


def test_more_than_five_anonymous_lookups_an_hour_for_one_cpf_from_one_address_are_refused(client, world):
    for _attempt in range(5):
        assert _lookup(client, "10.0.0.1").status_code == 302
    response = _lookup(client, "10.0.0.1")
    assert response.status_code == 429
    assert "Muitas tentativas" in response.content.decode()


def test_a_stranger_who_knows_a_cpf_cannot_lock_its_owner_out(client, world):
    for _attempt in range(5):
        _lookup(client, "10.0.0.66")
    assert _lookup(client, "10.0.0.66").status_code == 429  # the stranger is stopped
    owner = _lookup(client, "192.0.2.10")
    assert owner.status_code == 302  # the owner, from their own address, still gets the answer
    html = client.get(owner["Location"]).content.decode()
    assert "Se houver solicitações para este CPF, enviamos um link de acesso ao e-mail cadastrado." in html


def test_one_inbox_gets_at_most_three_links_an_hour_however_many_ask(client, world):
    for n in range(8):
        assert _lookup(client, f"10.0.1.{n}").status_code == 302
    sent = [message for message in mail.outbox if message.to == [ANONYMOUS_EMAIL]]
    assert len(sent) == 3
    assert LookupToken.objects.filter(email=ANONYMOUS_EMAIL, used_at__isnull=True).count() == 3  # all still usable
    assert LookupToken.objects.filter(email=ANONYMOUS_EMAIL).count() == 3


def test_the_429_page_is_in_the_visitors_language(client, world):
    client.cookies.load({"django_language": "en"})
    for n in range(11):
        response = consult(client, by="cpf", cpf=valid_cpf(n))
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_the_visitors_request_does_the_same_work_whether_or_not_tickets_exist(client, world, settings):
    """Looking tickets up and sending mail happen in the background task, never in the request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    statements = []
    for cpf in (ANONYMOUS_CPF, "52998224725"):
        with CaptureQueriesContext(connection) as captured:
            response = consult(client, by="cpf", cpf=cpf, situation="abertas")
        assert response.status_code == 302
        statements.append([query["sql"] for query in captured.captured_queries])
    assert len(statements[0]) == len(statements[1])
    assert not any("tickets_ticket" in sql for sql in statements[0] + statements[1])


def test_with_both_criteria_filled_the_chosen_one_wins(client, world):
    client.force_login(world.membro_a)
    consult(client, by="cpf", cpf=world.membro_a.cpf, situation="abertas", number=world.other_company_ticket.protocol)
    html = client.get("/tickets/consultar/").content.decode()
    assert world.colleague_ticket.title in html
    assert world.other_company_ticket.title not in html


def test_a_repeated_parameter_is_read_deterministically(client, world):
    client.force_login(world.membro_a)
    response = client.post(
        "/tickets/consultar/", {"by": "cpf", "cpf": ["111.111.111-11", world.membro_a.cpf], "situation": "abertas"}
    )
    assert response.status_code == 302  # the last value, as Django reads it
    assert world.colleague_ticket.title in client.get("/tickets/consultar/").content.decode()
