"""The e-mail outbox: queued with the change that causes it, retried, never lost, never sent twice."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal import outbox
from portal.models import OutboundEmail
from tests.factories import TicketFactory, UserFactory
from tests.two_factor import staff_client
from tickets import services

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


class ScriptedSmtp:
    """An SMTP double: answers each send with the next failure of its script, then accepts."""

    def __init__(self, monkeypatch, *failures):
        self.failures = list(failures)
        self.attempts = 0
        accept = EmailBackend.send_messages

        def send_messages(backend, messages):
            self.attempts += 1
            if self.failures:
                raise self.failures.pop(0)
            return accept(backend, messages)

        monkeypatch.setattr(EmailBackend, "send_messages", send_messages)


def _run_worker():
    """What `manage.py worker` does, once: run every queued task, then stop."""
    from django.core.management import call_command

    call_command("worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)


def _email(**fields) -> OutboundEmail:
    return OutboundEmail.objects.create(
        message_id=f"<{fields.pop('key', 'x')}@areadocliente.example>",
        to=["maria@cliente.example"],
        subject="Assunto",
        body="Texto",
        **fields,
    )


# Queued with the change, in its transaction ------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_committed_ticket_has_its_email_queued_in_the_same_transaction(settings):
    settings.TASKS = DB_TASKS
    staff = UserFactory(is_staff=True)
    ticket = TicketFactory(email="cliente@empresa.example")
    with transaction.atomic():
        services.staff_reply(ticket, body="Resolvemos.", user=staff, public=True)
        # Inside the transaction, before any commit: the e-mail and its delivery task are rows of it.
        email = OutboundEmail.objects.get()
        assert email.to == ["cliente@empresa.example"]
        assert DBTaskResult.objects.filter(task_path="portal.outbox.deliver_email").count() == 1
    assert mail.outbox == []  # nothing leaves before the worker runs
    _run_worker()
    assert [message.to for message in mail.outbox] == [["cliente@empresa.example"]]
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert mail.outbox[0].extra_headers["Message-ID"] == email.message_id


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_email_and_no_task(settings):
    settings.TASKS = DB_TASKS
    staff = UserFactory(is_staff=True)
    ticket = TicketFactory()

    def reply_then_fail():
        with transaction.atomic():
            services.staff_reply(ticket, body="Resolvemos.", user=staff, public=True)
            assert OutboundEmail.objects.count() == 1
            raise RuntimeError("something after the reply failed")

    with pytest.raises(RuntimeError):
        reply_then_fail()
    assert OutboundEmail.objects.count() == 0
    assert DBTaskResult.objects.count() == 0
    _run_worker()
    assert mail.outbox == []


# The mail server refuses, then accepts -------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        ConnectionRefusedError(111, "Connection refused"),
        TimeoutError("timed out"),
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
        smtplib.SMTPResponseException(421, b"Service not available, try later"),
        smtplib.SMTPRecipientsRefused({"maria@cliente.example": (450, b"Mailbox busy")}),
    ],
)
def test_a_passing_failure_is_retried_with_backoff_until_it_goes_through(monkeypatch, failure):
    smtp = ScriptedSmtp(monkeypatch, failure, failure)
    email = outbox.queue_email(to=["maria@cliente.example"], subject="Assunto", body="Texto")
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.RETRYING
    assert email.attempts == 1
    assert type(failure).__name__ in email.last_error
    first_wait = email.next_attempt_at - timezone.now()
    assert datetime.timedelta(seconds=50) < first_wait <= datetime.timedelta(minutes=1)

    assert outbox.sweep() == (0, 0)  # not due yet: nothing is tried early
    outbox.sweep(now=email.next_attempt_at)  # a minute later: tried again, refused again
    email.refresh_from_db()
    assert email.attempts == 2
    assert email.next_attempt_at - timezone.now() > datetime.timedelta(minutes=4)  # then 5 minutes

    outbox.sweep(now=email.next_attempt_at)  # the server is back
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert smtp.attempts == 3
    assert len(mail.outbox) == 1


def test_the_waits_are_one_five_thirty_minutes_then_hourly_and_it_gives_up_after_a_day(monkeypatch):
    assert [outbox.retry_wait(n) for n in (1, 2, 3, 4, 10)] == [
        datetime.timedelta(minutes=1),
        datetime.timedelta(minutes=5),
        datetime.timedelta(minutes=30),
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=1),
    ]
    ScriptedSmtp(monkeypatch, *[ConnectionRefusedError()] * 100)
    email = _email(created_at=timezone.now() - datetime.timedelta(hours=23, minutes=30), status="tentando", attempts=20)
    outbox.deliver(email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED  # the next try would be past 24 hours
    assert email.next_attempt_at is None


@pytest.mark.parametrize(
    "failure",
    [
        smtplib.SMTPRecipientsRefused({"maria@cliente.example": (550, b"No such user")}),
        smtplib.SMTPDataError(554, b"Message rejected"),
        smtplib.SMTPSenderRefused(553, b"Sender not allowed", "nao-responda@localhost"),
        ValueError("Invalid address"),
    ],
)
def test_a_permanent_failure_stops_at_once(monkeypatch, failure):
    smtp = ScriptedSmtp(monkeypatch, failure)
    email = outbox.queue_email(to=["maria@cliente.example"], subject="Assunto", body="Texto")
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED
    assert email.next_attempt_at is None
    outbox.sweep(now=timezone.now() + datetime.timedelta(days=2))
    assert smtp.attempts == 1
    assert mail.outbox == []


def test_staff_resend_a_failed_email_from_the_admin(monkeypatch):
    admin_client = staff_client(UserFactory(is_staff=True, is_superuser=True, cpf=None))
    ScriptedSmtp(monkeypatch, smtplib.SMTPDataError(554, b"Rejected"))
    email = outbox.queue_email(to=["maria@cliente.example"], subject="Sua solicitação", body="Texto")
    listing = admin_client.get("/admin/portal/outboundemail/?status__exact=falhou").content.decode()
    assert "Sua solicitação" in listing
    assert "SMTPDataError" in listing
    assert "Texto" not in listing  # bodies hold personal data: not shown
    response = admin_client.post(
        "/admin/portal/outboundemail/", {"action": "resend", "_selected_action": [email.pk]}, follow=True
    )
    assert "1 e-mail voltou para a fila de envio." in response.content.decode()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1


# A worker that dies mid-task ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_task_left_running_by_a_dead_worker_is_given_back_and_sends_once(settings):
    settings.TASKS = DB_TASKS
    email = outbox.queue_email(to=["maria@cliente.example"], subject="Assunto", body="Texto")
    task = DBTaskResult.objects.get()
    task.claim("worker-that-was-killed")  # it took the task, then died: RUNNING forever
    assert outbox.sweep() == (0, 0)  # within its lease, the task is left alone

    later = timezone.now() + settings.TASKS_LEASE + datetime.timedelta(seconds=1)
    given_back, queued = outbox.sweep(now=later)
    assert given_back == 1
    task.refresh_from_db()
    assert task.status == TaskResultStatus.READY
    _run_worker()
    _run_worker()
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_delivering_an_email_twice_sends_it_once():
    email = _email(key="duas-vezes")
    assert outbox.deliver(email.pk) == OutboundEmail.Status.SENT
    assert outbox.deliver(email.pk) == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_an_email_whose_task_was_lost_is_queued_again_by_the_sweep(settings):
    settings.TASKS = DB_TASKS
    email = outbox.queue_email(to=["maria@cliente.example"], subject="Assunto", body="Texto")
    DBTaskResult.objects.all().delete()  # the task row is gone, the e-mail is still pending
    outbox.sweep(now=email.next_attempt_at)
    _run_worker()
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)  # the worker closes its broken connection, as in production
def test_the_sweep_keeps_going_while_the_database_is_away(monkeypatch, caplog):
    from django.db import OperationalError

    from portal.management.commands import worker

    calls = []

    def failing_sweep():
        calls.append(1)
        raise OperationalError("connection refused")

    monkeypatch.setattr(outbox, "sweep", failing_sweep)

    class StopAfterTwo:
        def __init__(self):
            self.rounds = 0

        def wait(self, _interval):
            self.rounds += 1
            return self.rounds > 2

    worker._sweep_forever(0, StopAfterTwo())
    assert len(calls) == 2
    assert "database is unavailable" in caplog.text


# What the outbox keeps -------------------------------------------------------------------------


def test_done_emails_are_deleted_after_the_retention_and_pending_ones_kept():
    old = timezone.now() - outbox.RETENTION - datetime.timedelta(days=1)
    sent = _email(key="enviado", status="enviado", created_at=old)
    failed = _email(key="falhou", status="falhou", created_at=old)
    pending = _email(key="pendente", status="tentando", created_at=old)
    recent = _email(key="recente", status="enviado")
    assert outbox.purge() == 2
    assert set(OutboundEmail.objects.values_list("pk", flat=True)) == {pending.pk, recent.pk}
    assert not OutboundEmail.objects.filter(pk__in=[sent.pk, failed.pk]).exists()


def test_anonymising_a_requester_deletes_the_emails_sent_to_them():
    staff = UserFactory(is_staff=True)
    ticket = TicketFactory(requester_cpf="52998224725", email="Maria@Cliente.example")
    services.staff_reply(ticket, body="Resposta com dados pessoais.", user=staff, public=True)
    other = outbox.queue_email(to=["outra@cliente.example"], subject="Outra", body="Texto")
    assert OutboundEmail.objects.count() == 2
    services.requester_anonymise("529.982.247-25", user=staff)
    assert list(OutboundEmail.objects.values_list("pk", flat=True)) == [other.pk]


@pytest.mark.django_db(transaction=True)  # the worker closes its broken connection, as in production
def test_the_worker_rides_out_a_database_restart_instead_of_exiting(monkeypatch):
    from django.db import OperationalError
    from django_tasks_db.management.commands.db_worker import Worker

    from portal.management.commands import worker

    rounds = []

    def run_then_lose_the_database(self):
        rounds.append(1)
        if len(rounds) == 1:
            raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Worker, "run", run_then_lose_the_database)
    monkeypatch.setattr(worker, "RECONNECT_SECONDS", 0)
    resilient = worker.ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="teste",
        excluded_queue_names=[],
    )
    resilient.run()
    assert len(rounds) == 2  # it went on after the outage
