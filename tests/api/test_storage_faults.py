"""A reply through the API while attachment storage fails: a 503 problem, nothing registered, a retry works."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.api.test_auth_and_errors import assert_problem
from tests.api.test_tickets import company_ticket, protocol
from tickets.models import Attachment, Message

pytestmark = pytest.mark.django_db


def pdf(name="comprovante.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def test_a_reply_while_storage_fails_is_a_503_that_registers_nothing_and_the_same_key_works_later(
    api, company, storage_fault
):
    ticket = company_ticket(company)
    url = f"/api/v1/tickets/{protocol(ticket)}/messages"
    headers = {"Idempotency-Key": "resposta-com-anexo"}
    storage_fault.broken = True

    refused = api.post(url, {"body": "Segue o comprovante.", "files": [pdf()]}, headers=headers)

    assert_problem(refused, 503, "servico-indisponivel")
    assert refused["Retry-After"] == "60"
    assert "nada foi registrado" in refused.json()["detail"]
    assert not Message.objects.exists()
    assert not Attachment.objects.exists()

    storage_fault.broken = False
    accepted = api.post(url, {"body": "Segue o comprovante.", "files": [pdf()]}, headers=headers)
    assert accepted.status_code == 201, accepted.content
    assert [item["name"] for item in accepted.json()["attachments"]] == ["comprovante.pdf"]
    assert ticket.messages.count() == 1
