"""Tickets through the API: the company's list and one ticket, opening and replying."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from api.models import IdempotencyRecord
from tests.api.conftest import ticket_payload
from tests.api.test_auth_and_errors import assert_problem
from tests.factories import AttachmentFactory, FormFieldFactory, MessageFactory, TicketFactory
from tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db


def company_ticket(company, **kwargs):
    return TicketFactory(cnpj=company.organization.cnpj, created_by=company.gestor, **kwargs)


def protocol(ticket):
    return f"{ticket.year}SS{ticket.number:05d}"


# Reading -----------------------------------------------------------------------------------------


def test_the_list_has_the_companys_tickets_as_its_gestor_sees_them(api, company, other_company):
    mine = company_ticket(company, title="Erro na consulta")
    other = company_ticket(other_company)
    # Someone typed the company's CNPJ without belonging to it: not the company's ticket.
    stranger = TicketFactory(cnpj=company.organization.cnpj)
    assert not stranger.company_verified

    response = api.get("/api/v1/tickets")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["protocol"] for item in items] == [protocol(mine)]
    assert items[0]["title"] == "Erro na consulta"
    assert items[0]["url"].endswith(f"/api/v1/tickets/{protocol(mine)}")
    assert items[0]["requester_cpf"].startswith("***")
    assert protocol(other) not in response.content.decode()


def test_the_list_filters_by_status_form_and_date(api, company):
    now = timezone.now()
    old = company_ticket(company, created_at=now - datetime.timedelta(days=10))
    closed = company_ticket(company, status=Ticket.Status.CLOSED)

    assert [i["protocol"] for i in api.get("/api/v1/tickets", {"status": "fechado"}).json()["items"]] == [
        protocol(closed)
    ]
    after = (now - datetime.timedelta(days=1)).isoformat()
    assert protocol(old) not in [
        i["protocol"] for i in api.get("/api/v1/tickets", {"created_after": after}).json()["items"]
    ]
    assert api.get("/api/v1/tickets", {"form": old.form.slug}).json()["items"][0]["protocol"] == protocol(old)
    assert_problem(api.get("/api/v1/tickets", {"status": "inventado"}), 422)


def test_cursor_pagination_walks_every_ticket_once_in_a_stable_order(api, company):
    same_time = timezone.now()
    tickets = [company_ticket(company, created_at=same_time) for _ in range(5)]
    seen, url = [], "/api/v1/tickets?limit=2"
    while url:
        body = api.get(url).json()
        seen += [item["protocol"] for item in body["items"]]
        assert len(body["items"]) <= 2
        url = body["next"]
        if url:
            assert parse_qs(urlparse(url).query)["cursor"] == [body["next_cursor"]]
    assert seen == [protocol(ticket) for ticket in sorted(tickets, key=lambda t: t.pk, reverse=True)]


def test_a_tampered_cursor_is_a_400_problem(api, company):
    body = assert_problem(api.get("/api/v1/tickets", {"cursor": "abc"}), 400)
    assert body["errors"][0]["parameter"] == "cursor"


def test_limit_has_a_maximum(api):
    body = assert_problem(api.get("/api/v1/tickets", {"limit": 1000}), 422)
    assert body["errors"][0]["parameter"] == "limit"


def test_a_ticket_shows_its_public_conversation_and_attachment_metadata_never_notes(api, company):
    ticket = company_ticket(company)
    reply = MessageFactory(ticket=ticket, kind=Message.Kind.REPLY, body="Corrigimos o problema.")
    MessageFactory(ticket=ticket, kind=Message.Kind.NOTE, body="Nota interna secreta")
    AttachmentFactory(ticket=ticket, original_name="erro.pdf")
    AttachmentFactory(ticket=ticket, message=reply, original_name="resposta.pdf")
    note = MessageFactory(ticket=ticket, kind=Message.Kind.NOTE, body="Outra nota")
    AttachmentFactory(ticket=ticket, message=note, original_name="interno.pdf")

    response = api.get(f"/api/v1/tickets/{protocol(ticket)}")

    assert response.status_code == 200
    body = response.json()
    assert [m["body"] for m in body["messages"]] == ["Corrigimos o problema."]
    assert body["messages"][0]["attachments"][0]["name"] == "resposta.pdf"
    assert {a["name"] for a in body["attachments"]} == {"erro.pdf", "resposta.pdf"}
    assert "secreta" not in response.content.decode()
    assert "interno.pdf" not in response.content.decode()


def test_the_protocol_can_be_written_as_people_write_it(api, company):
    ticket = company_ticket(company)

    assert api.get(f"/api/v1/tickets/{ticket.year}ss{ticket.number}").status_code == 200


def test_another_companys_ticket_is_a_404_problem(api, other_company):
    ticket = company_ticket(other_company)

    assert_problem(api.get(f"/api/v1/tickets/{protocol(ticket)}"), 404)
    assert_problem(api.get("/api/v1/tickets/nao-e-protocolo"), 404)


# Opening -----------------------------------------------------------------------------------------


def test_opening_a_ticket_makes_it_the_companys_with_the_requester_from_the_body(api, company, ticket_form):
    response = api.post_json("/api/v1/tickets", ticket_payload())

    assert response.status_code == 201
    ticket = Ticket.objects.get()
    assert ticket.cnpj == company.organization.cnpj
    assert ticket.company_verified
    assert ticket.requester_cpf == "52998224725"
    assert ticket.requester_name == "João Pereira"
    assert ticket.created_by is None
    body = response.json()
    assert response["Location"] == body["url"]
    assert api.get(body["url"]).json()["protocol"] == body["protocol"]


def test_the_ticket_language_follows_accept_language_unless_given(api, ticket_form):
    api.post_json("/api/v1/tickets", ticket_payload(), headers={"Accept-Language": "es"})
    api.post_json("/api/v1/tickets", ticket_payload(language="en"), headers={"Accept-Language": "es"})

    assert sorted(Ticket.objects.values_list("language", flat=True)) == ["en", "es"]


def test_required_and_extra_fields_follow_the_wizards_rules(api, ticket_form):
    required = FormFieldFactory(form=ticket_form, label="Número do contrato", required=True)
    choice = FormFieldFactory(form=ticket_form, label="Ambiente", kind="escolha", choices="Produção\nHomologação")

    response = api.post_json(
        "/api/v1/tickets",
        ticket_payload(
            requester_cpf="111.111.111-11", email="nao-e-email", title="", extra={choice.key: "Outro", "x": "1"}
        ),
    )

    body = assert_problem(response, 422, "dados-invalidos")
    pointers = {error["pointer"] for error in body["errors"]}
    assert {
        "#/requester_cpf",
        "#/email",
        "#/title",
        f"#/extra/{required.key}",
        f"#/extra/{choice.key}",
        "#/extra/x",
    } <= pointers
    assert not Ticket.objects.exists()


def test_extra_answers_are_kept_as_the_wizard_keeps_them(api, ticket_form):
    yes_no = FormFieldFactory(form=ticket_form, label="Afeta produção?", kind="sim_nao", required=True)
    many = FormFieldFactory(form=ticket_form, label="Ambientes", kind="multipla", choices="A\nB\nC")

    response = api.post_json("/api/v1/tickets", ticket_payload(extra={yes_no.key: True, many.key: ["A", "C"]}))

    assert response.status_code == 201, response.json()
    assert response.json()["extra"] == [
        {"label": "Afeta produção?", "value": "Sim"},
        {"label": "Ambientes", "value": "A, C"},
    ]


def test_an_unknown_form_is_a_422_on_form(api, ticket_form):
    body = assert_problem(api.post_json("/api/v1/tickets", ticket_payload(form="nao-existe")), 422)

    assert body["errors"][0]["pointer"] == "#/form"


def test_a_missing_field_is_a_422_problem_pointing_at_it(api, ticket_form):
    payload = ticket_payload()
    del payload["title"]

    body = assert_problem(api.post_json("/api/v1/tickets", payload), 422)

    assert body["errors"] == [{"pointer": "#/title", "detail": "Preencha este campo."}]


def test_a_body_that_is_not_json_is_a_415_and_broken_json_a_400(api, ticket_form):
    assert_problem(api.post("/api/v1/tickets", {"title": "x"}), 415)
    assert_problem(api.generic("POST", "/api/v1/tickets", "{nao é json"), 400)


# Idempotency -------------------------------------------------------------------------------------


def test_the_same_idempotency_key_opens_one_ticket_and_replays_the_answer(api, ticket_form):
    headers = {"Idempotency-Key": "pedido-123"}
    first = api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)
    second = api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert second["Location"] == first["Location"]
    assert Ticket.objects.count() == 1
    assert IdempotencyRecord.objects.get().status == 201


def test_the_same_idempotency_key_with_another_body_is_a_422(api, ticket_form):
    headers = {"Idempotency-Key": "pedido-123"}
    api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)

    response = api.post_json("/api/v1/tickets", ticket_payload(title="Outro assunto"), headers=headers)

    assert_problem(response, 422, "chave-de-idempotencia-reutilizada")
    assert Ticket.objects.count() == 1


def test_idempotency_keys_are_per_api_key_and_expire_after_a_day(api, other_company, ticket_form):
    headers = {"Idempotency-Key": "pedido-123"}
    api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)
    other_company.api().post_json("/api/v1/tickets", ticket_payload(), headers=headers)
    assert Ticket.objects.count() == 2

    IdempotencyRecord.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    again = api.post_json("/api/v1/tickets", ticket_payload(title="Outro assunto"), headers=headers)

    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again
    assert again.json()["title"] == "Outro assunto"
    assert Ticket.objects.count() == 3


def test_a_failed_request_is_not_recorded_so_it_can_be_fixed_and_sent_again(api, ticket_form):
    headers = {"Idempotency-Key": "pedido-123"}
    assert api.post_json("/api/v1/tickets", ticket_payload(email="x"), headers=headers).status_code == 422

    assert api.post_json("/api/v1/tickets", ticket_payload(), headers=headers).status_code == 201
    assert not IdempotencyRecord.objects.filter(status__isnull=True).exists()


def test_an_invalid_idempotency_key_is_a_400(api, ticket_form):
    body = assert_problem(api.post_json("/api/v1/tickets", ticket_payload(), headers={"Idempotency-Key": "é" * 3}), 400)

    assert body["errors"][0]["parameter"] == "Idempotency-Key"


# Replying ----------------------------------------------------------------------------------------


def pdf(name="comprovante.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def test_a_reply_with_attachments_reaches_the_ticket(api, company):
    ticket = company_ticket(company)

    response = api.post(
        f"/api/v1/tickets/{protocol(ticket)}/messages", {"body": "Segue o comprovante.", "files": [pdf(), pdf("b.pdf")]}
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "cliente"
    assert [a["name"] for a in body["attachments"]] == ["comprovante.pdf", "b.pdf"]
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    assert ticket.messages.get().body == "Segue o comprovante."


def test_a_reply_checks_attachments_as_the_portal_does(api, company):
    ticket = company_ticket(company)
    fake = SimpleUploadedFile("pagina.pdf", b"<html><script>x</script></html>", content_type="application/pdf")

    body = assert_problem(
        api.post(f"/api/v1/tickets/{protocol(ticket)}/messages", {"body": "Oi", "files": [fake]}), 422
    )

    assert body["errors"][0]["pointer"] == "#/files"
    assert not ticket.messages.exists()


def test_a_reply_without_a_body_is_a_422(api, company):
    ticket = company_ticket(company)

    body = assert_problem(api.post(f"/api/v1/tickets/{protocol(ticket)}/messages", {"body": ""}), 422)

    assert body["errors"][0]["pointer"] == "#/body"


def test_a_reply_in_json_is_a_415(api, company):
    ticket = company_ticket(company)

    assert_problem(api.post_json(f"/api/v1/tickets/{protocol(ticket)}/messages", {"body": "Oi"}), 415)


def test_a_closed_ticket_takes_no_reply_409(api, company):
    ticket = company_ticket(company, status=Ticket.Status.CLOSED)

    assert_problem(api.post(f"/api/v1/tickets/{protocol(ticket)}/messages", {"body": "Oi"}), 409, "conflito")


def test_replying_to_another_companys_ticket_is_a_404(api, other_company):
    ticket = company_ticket(other_company)

    assert_problem(api.post(f"/api/v1/tickets/{protocol(ticket)}/messages", {"body": "Oi"}), 404)
    assert not ticket.messages.exists()


def test_a_replayed_reply_is_written_once(api, company):
    ticket = company_ticket(company)
    url = f"/api/v1/tickets/{protocol(ticket)}/messages"
    headers = {"Idempotency-Key": "resposta-1"}

    first = api.post(url, {"body": "Oi", "files": [pdf()]}, headers=headers)
    second = api.post(url, {"body": "Oi", "files": [pdf()]}, headers=headers)

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert ticket.messages.count() == 1


def test_the_same_request_retried_after_a_day_still_finds_its_ticket(api, ticket_form):
    headers = {"Idempotency-Key": "pedido-antigo"}
    first = api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)
    IdempotencyRecord.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    again = api.post_json("/api/v1/tickets", ticket_payload(), headers=headers)

    assert again.status_code == 201
    assert again.json()["protocol"] == first.json()["protocol"]
    assert Ticket.objects.count() == 1
