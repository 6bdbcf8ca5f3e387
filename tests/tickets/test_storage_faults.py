"""Storage failing (a full disk, object storage down) while a file is kept: nothing half-saved, nothing typed lost."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import AttachmentFactory
from tests.tickets.conftest import ANONYMOUS_IDENTIFICATION, CONTACT, post_step, request_data, ticket_url
from tests.tickets.test_admin import as_user, desk, work  # noqa: F401 (desk is a fixture)
from tickets.models import Attachment, Message, ProtocolCounter, Ticket

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


def pdf(name="erro.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _to_step_3(client):
    post_step(client, "datavalid", "identificacao", ANONYMOUS_IDENTIFICATION)
    post_step(client, "datavalid", "contato", CONTACT)


def test_a_file_storage_refuses_on_step_3_comes_back_with_the_text_and_a_clear_message(
    client, ticket_form, storage_fault
):
    _to_step_3(client)
    storage_fault.broken = True

    response = post_step(client, "datavalid", "solicitacao", request_data(title="Falha no login"), files=[pdf()])

    html = response.content.decode()
    assert response.status_code == 200
    assert "Passo 3 de 4" in html
    assert "Não conseguimos guardar o arquivo agora" in html
    assert 'value="Falha no login"' in html
    assert client.session["ticket_form:datavalid"]["files"] == []
    assert client.session["ticket_form:datavalid"]["data"]["solicitacao"]["title"] == ["Falha no login"]

    storage_fault.broken = False
    response = post_step(client, "datavalid", "solicitacao", request_data(title="Falha no login"), files=[pdf()])
    assert response.status_code == 302
    assert [item["original_name"] for item in client.session["ticket_form:datavalid"]["files"]] == ["erro.pdf"]


def test_leaving_step_3_while_storage_refuses_says_the_file_was_not_kept(client, ticket_form, storage_fault):
    _to_step_3(client)
    storage_fault.broken = True

    response = post_step(client, "datavalid", "solicitacao", request_data(), action="back", files=[pdf()], follow=True)

    html = response.content.decode()
    assert "Passo 2 de 4" in html
    assert "Não conseguimos guardar o arquivo agora" in html
    assert client.session["ticket_form:datavalid"]["data"]["solicitacao"]["title"] == ["Erro 500 na consulta"]


def test_sending_while_storage_fails_saves_nothing_keeps_the_form_and_works_once_it_recovers(
    client, ticket_form, storage_fault, django_capture_on_commit_callbacks
):
    _to_step_3(client)
    post_step(client, "datavalid", "solicitacao", request_data(), files=[pdf()])
    key = client.session["ticket_form:datavalid"]["key"]
    storage_fault.broken = True

    response = post_step(client, "datavalid", "revisao", {"key": key})

    html = response.content.decode()
    assert response.status_code == 503
    assert "Passo 4 de 4" in html
    assert "a solicitação ainda não foi enviada" in html
    assert "Erro 500 na consulta" in html
    assert "erro.pdf" in html
    assert not Ticket.objects.exists()
    assert not Attachment.objects.exists()
    assert not ProtocolCounter.objects.exists()  # the number was not used up either

    storage_fault.broken = False
    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(client, "datavalid", "revisao", {"key": key})
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.protocol.endswith("/00001")
    assert [item.original_name for item in ticket.attachments.all()] == ["erro.pdf"]


def test_a_reply_whose_file_cannot_be_kept_is_not_sent_and_its_text_stays(client, world, storage_fault):
    ticket = world.colleague_ticket
    client.force_login(world.membro_a)
    storage_fault.broken = True

    response = client.post(ticket_url(ticket, "responder/"), {"body": "Segue o print do erro.", "files": [pdf()]})

    html = response.content.decode()
    assert response.status_code == 503
    assert "a mensagem ainda não foi enviada" in html
    assert "Segue o print do erro." in html
    assert not Message.objects.exists()
    assert not Attachment.objects.exists()
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN


def test_a_disk_that_fills_up_during_a_save_leaves_no_partial_file_behind(client, world, storage_fault):
    ticket = world.colleague_ticket
    client.force_login(world.membro_a)
    storage_fault.broken = storage_fault.writes_partly = True
    storage_fault.reads_fail = storage_fault.deletes_fail = False  # full, not broken: reading and removing work

    response = client.post(ticket_url(ticket, "responder/"), {"body": "Segue o print do erro.", "files": [pdf()]})

    assert response.status_code == 503
    assert "Segue o print do erro." in response.content.decode()
    assert not Attachment.objects.exists()
    stored = [path for path in Path(storage_fault.storage.location).rglob("*") if path.is_file()]
    assert stored == []


def test_a_download_while_storage_fails_is_a_503_page_and_a_missing_file_a_404(client, world, storage_fault):
    ticket = world.colleague_ticket
    attachment = AttachmentFactory(ticket=ticket)
    client.force_login(world.membro_a)
    url = ticket_url(ticket, f"anexos/{attachment.token}/")
    assert client.get(url).status_code == 200

    storage_fault.broken = True
    response = client.get(url)
    assert response.status_code == 503
    assert "Voltamos em instantes" in response.content.decode()
    assert response["Retry-After"]

    storage_fault.broken = False
    storage_fault.storage.delete(attachment.file.name)
    assert client.get(url).status_code == 404


def test_a_staff_reply_whose_file_cannot_be_kept_saves_nothing_and_the_text_comes_back(desk, storage_fault):  # noqa: F811
    staff = as_user(desk.atendente_a)
    storage_fault.broken = True

    response = work(
        staff, desk.ticket_a, status="em_atendimento", message_body="Segue o manual.", message_files=[pdf()]
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"/{desk.ticket_a.pk}/change/")  # back to the ticket
    page = staff.get(response["Location"]).content.decode()
    assert "Nada foi salvo: não conseguimos guardar os anexos agora" in page
    assert "foi alterado com sucesso" not in page
    assert "Segue o manual." in page
    desk.ticket_a.refresh_from_db()
    assert desk.ticket_a.status == Ticket.Status.OPEN
    assert not desk.ticket_a.messages.exists()
    again = staff.get(response["Location"]).content.decode()
    assert "Segue o manual." not in again  # the draft comes back once


def test_removing_a_kept_file_while_storage_fails_still_takes_it_off_the_ticket(client, ticket_form, storage_fault):
    _to_step_3(client)
    post_step(client, "datavalid", "solicitacao", request_data(), files=[pdf()])
    token = client.session["ticket_form:datavalid"]["files"][0]["token"]
    storage_fault.broken = True

    response = post_step(client, "datavalid", "solicitacao", {**request_data(), "remove": [token]})

    assert response.status_code == 302
    assert client.session["ticket_form:datavalid"]["files"] == []
    assert "Passo 4 de 4" in client.get("/tickets/novo/datavalid/").content.decode()
