"""Writes of the tickets app that no page shows directly: history codes, files, who supervises."""

import datetime
import importlib
import inspect

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from tests.factories import MessageFactory, TicketFactory, UserFactory
from tickets import services
from tickets.attachments import validate_file
from tickets.models import StatusEvent, Ticket, private_storage

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


# The history stores codes, and each reader sees them in their own language


def test_closing_stores_a_reason_code_not_a_sentence_in_the_language_of_the_moment():
    ticket = TicketFactory()
    with translation.override("en"):
        services.ticket_close(ticket)
    event = ticket.events.get()
    assert (event.reason, event.note) == (StatusEvent.Reason.CLOSED_BY_CUSTOMER, "")
    with translation.override("pt-br"):
        assert event.description == "Fechada pelo cliente."
    with translation.override("es"):
        assert event.description == "Cerrada por el cliente."


def test_a_staff_note_is_kept_as_typed_beside_the_reason():
    event = StatusEvent(to_status="fechado", reason=StatusEvent.Reason.CLOSED_BY_CUSTOMER, note="Pediu por telefone.")
    with translation.override("en"):
        assert event.description == "Closed by the customer. Pediu por telefone."
    assert StatusEvent(to_status="resolvido", note="Resolvido por telefone.").description == "Resolvido por telefone."


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        ("Fechada pelo cliente.", "fechado_pelo_cliente"),
        ("Closed by the customer.", "fechado_pelo_cliente"),
        ("Cerrada por el cliente.", "fechado_pelo_cliente"),
        ("Reaberta pelo cliente.", "reaberto_pelo_cliente"),
        ("Reopened by the customer.", "reaberto_pelo_cliente"),
        ("Reabierta por el cliente.", "reaberto_pelo_cliente"),
    ],
)
def test_the_migration_turns_stored_sentences_into_codes_and_back(note, reason):
    migration = importlib.import_module("tickets.migrations.0011_status_event_reason")
    ticket = TicketFactory()
    event = StatusEvent.objects.create(ticket=ticket, to_status="fechado", note=note)
    kept = StatusEvent.objects.create(ticket=ticket, to_status="resolvido", note="Resolvido por telefone.")

    migration.sentences_to_codes(apps, None)
    event.refresh_from_db()
    kept.refresh_from_db()
    assert (event.reason, event.note) == (reason, "")
    assert (kept.reason, kept.note) == ("", "Resolvido por telefone.")

    migration.codes_to_sentences(apps, None)
    event.refresh_from_db()
    assert event.reason == ""
    assert event.note == migration.SENTENCES[reason][0]  # the Portuguese sentence


# Staff replies and files


def test_a_staff_reply_writes_a_message_and_never_a_status():
    assert "to_status" not in inspect.signature(services.staff_reply).parameters


def test_one_function_keeps_a_tickets_files_parked_by_the_form_or_sent_with_a_message():
    ticket = TicketFactory()
    message = MessageFactory(ticket=ticket)
    now = timezone.now()
    parked_path = private_storage.save("rascunhos/teste/parado", ContentFile(PDF))
    parked = services.PendingFile(
        path=parked_path, original_name="pedido.pdf", content_type="application/pdf", size=len(PDF)
    )
    upload = SimpleUploadedFile("resposta.pdf", PDF, "application/pdf")

    services._store_files(ticket, now=now, parked=[parked])
    services._store_files(ticket, now=now, message=message, uploads=[(upload, validate_file(upload))])

    stored = {(a.original_name, a.message_id) for a in ticket.attachments.all()}
    assert stored == {("pedido.pdf", None), ("resposta.pdf", message.pk)}
    for attachment in ticket.attachments.all():
        assert attachment.file.read().startswith(b"%PDF")


# Who supervises


def test_a_supervisor_is_active_staff_with_the_permission_to_work_every_team():
    from django.contrib.auth.models import Group

    from tickets.permissions import is_supervisor

    supervisor = UserFactory(is_staff=True)
    Group.objects.get(name="Supervisor").user_set.add(supervisor)
    atendente = UserFactory(is_staff=True)
    Group.objects.get(name="Atendente").user_set.add(atendente)
    gone = UserFactory(is_staff=True, is_active=False)
    Group.objects.get(name="Supervisor").user_set.add(gone)
    assert is_supervisor(supervisor)
    assert is_supervisor(UserFactory(is_staff=True, is_superuser=True))
    assert not is_supervisor(atendente)
    assert not is_supervisor(gone)
    assert not is_supervisor(UserFactory())


# Rating and reopening


def test_rating_a_ticket_the_customer_closed_before_any_answer_is_refused():
    ticket = TicketFactory()
    services.ticket_close(ticket)
    ticket.refresh_from_db()
    assert not ticket.can_rate
    with pytest.raises(services.TicketActionRefused):
        services.ticket_rate(ticket, rating=5)


def test_reopening_posts_the_reason_as_the_customers_message():
    customer = UserFactory(name="Maria Cliente")
    ticket = TicketFactory(created_by=customer, status=Ticket.Status.RESOLVED, closed_at=timezone.now())
    services.ticket_reopen(ticket, reason="  O erro voltou hoje às 10h.  ", user=customer)
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_SUPPORT
    message = ticket.messages.get()
    assert (message.kind, message.body, message.author) == ("cliente", "O erro voltou hoje às 10h.", customer)
    event = ticket.events.get()
    assert (event.reason, event.note) == (StatusEvent.Reason.REOPENED_BY_CUSTOMER, "")


def test_reopening_without_a_reason_is_refused():
    ticket = TicketFactory(status=Ticket.Status.CLOSED, closed_at=timezone.now())
    with pytest.raises(services.TicketActionRefused):
        services.ticket_reopen(ticket, reason="   ")
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED
    assert not ticket.messages.exists()


def test_the_reopening_window_in_the_refusal_comes_from_the_model(monkeypatch):
    monkeypatch.setattr(Ticket, "REOPEN_WINDOW", datetime.timedelta(days=3))
    ticket = TicketFactory(status=Ticket.Status.CLOSED, closed_at=timezone.now() - datetime.timedelta(days=4))
    with pytest.raises(services.TicketActionRefused) as refused:
        services.ticket_reopen(ticket, reason="Voltou.")
    assert "no máximo 3 dias" in str(refused.value.message)
