"""The e-mail outbox: nothing is lost when the database, the mail server or a worker fails.

- ``queue_email`` writes the e-mail (``OutboundEmail``) *and* the task that delivers it in the
  caller's transaction. The task queue lives in PostgreSQL (django-tasks-db), so a committed
  change always has its e-mail queued and a rolled-back one never has.
- ``deliver`` sends one e-mail with its stable Message-ID and records the delivery, under a row
  lock: a task run twice (a retry, a task given back after its worker died) finds the e-mail
  already sent and does nothing. A passing failure (no connection, a timeout, a 4xx reply) is
  tried again after 1, 5 and 30 minutes, then every hour, for 24 hours; a permanent one (a 5xx
  reply, an invalid address) stops at once. Staff see both in the admin and can resend.
- ``sweep`` runs every few seconds in the worker (``manage.py worker``): it gives back the tasks
  a dead worker left RUNNING for longer than ``settings.TASKS_LEASE``, and queues the e-mails
  whose next attempt is due.

The one window left is a worker killed after the mail server accepted an e-mail and before the
delivery was recorded (a few milliseconds): that e-mail goes out again, with the same Message-ID,
which mail servers and clients use to spot the copy.
"""

import datetime
import logging
import smtplib
import socket
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.models import OutboundEmail

logger = logging.getLogger(__name__)

#: Waits between attempts after a passing failure; past the last one, every hour.
BACKOFF = (datetime.timedelta(minutes=1), datetime.timedelta(minutes=5), datetime.timedelta(minutes=30))
EVERY_HOUR = datetime.timedelta(hours=1)
#: How long an e-mail keeps being tried before it is given up as failed.
GIVE_UP_AFTER = datetime.timedelta(hours=24)
#: If the delivery task of a queued e-mail has not run by then, the sweep queues another.
FIRST_ATTEMPT_GRACE = datetime.timedelta(minutes=2)
MAX_ERROR_LENGTH = 2000


def queue_email(*, to: list[str], subject: str, body: str, html_body: str = "") -> OutboundEmail:
    """Put an e-mail in the outbox and queue its delivery, both in the caller's transaction."""
    domain = settings.PORTAL_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or None
    with transaction.atomic():
        email = OutboundEmail.objects.create(
            message_id=make_msgid(domain=domain),
            to=list(to),
            subject=" ".join(subject.split()),  # no line breaks reach the header
            body=body,
            html_body=html_body,
            next_attempt_at=timezone.now() + FIRST_ATTEMPT_GRACE,
        )
        deliver_email.enqueue(email_id=email.pk)
    return email


@task
def deliver_email(*, email_id: int) -> str:
    """Send one e-mail of the outbox (see ``deliver``)."""
    return deliver(email_id)


def deliver(email_id: int) -> str:
    """Send the e-mail unless it was sent already; returns what happened, for the task's record."""
    with transaction.atomic():
        email = OutboundEmail.objects.select_for_update(skip_locked=True).filter(pk=email_id).first()
        if email is None:
            return "busy"  # another worker is sending it right now
        if email.status not in OutboundEmail.PENDING:
            return email.status
        now = timezone.now()
        email.attempts += 1
        try:
            _message(email).send()
        except Exception as error:  # noqa: BLE001 (every failure is recorded; the kind decides what next)
            email.last_error = f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
            if is_permanent(error) or now + retry_wait(email.attempts) - email.created_at > GIVE_UP_AFTER:
                email.status, email.next_attempt_at = OutboundEmail.Status.FAILED, None
                logger.warning("E-mail %s failed for good: %s", email.pk, email.last_error)
            else:
                email.status = OutboundEmail.Status.RETRYING
                email.next_attempt_at = now + retry_wait(email.attempts)
                logger.info("E-mail %s will be tried again at %s: %s", email.pk, email.next_attempt_at, error)
        else:
            email.status, email.sent_at, email.next_attempt_at, email.last_error = (
                OutboundEmail.Status.SENT,
                now,
                None,
                "",
            )
        email.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "sent_at"])
        return email.status


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body, to=email.to, headers={"Message-ID": email.message_id}
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


def retry_wait(attempts: int) -> datetime.timedelta:
    """How long to wait after the ``attempts``-th failed attempt (the portal's one retry schedule:
    e-mails here, file removals in ``tickets.removals``)."""
    return BACKOFF[attempts - 1] if attempts <= len(BACKOFF) else EVERY_HOUR


def is_permanent(error: BaseException) -> bool:
    """A failure that trying again will not fix: a 5xx reply, or an address that cannot be sent to."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    if isinstance(error, (ConnectionError, TimeoutError, socket.gaierror, smtplib.SMTPException, OSError)):
        return False  # no connection, a timeout, a dropped line: the server may be back soon
    return isinstance(error, (ValueError, UnicodeError))  # e.g. an address that is not one


def resend(emails) -> int:
    """Staff's "reenviar": failed or retrying e-mails go back in the queue, to be tried now."""
    retriable = emails.filter(status__in=[OutboundEmail.Status.FAILED, OutboundEmail.Status.RETRYING])
    ids = list(retriable.values_list("pk", flat=True))
    with transaction.atomic():
        OutboundEmail.objects.filter(pk__in=ids).update(
            status=OutboundEmail.Status.QUEUED, next_attempt_at=timezone.now() + FIRST_ATTEMPT_GRACE
        )
        for email_id in ids:
            deliver_email.enqueue(email_id=email_id)
    return len(ids)


def sweep(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Give back tasks of dead workers, and queue the e-mails that are due. Returns both counts."""
    now = now or timezone.now()
    given_back = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - settings.TASKS_LEASE
    ).update(status=TaskResultStatus.READY, started_at=None)
    if given_back:
        logger.warning("Gave back %s task(s) left running by a worker that stopped.", given_back)
    with transaction.atomic():
        due = list(OutboundEmail.objects.due(now=now).select_for_update(skip_locked=True).values_list("pk", flat=True))
        # Not again before a lease has passed: the task just queued has that long to run.
        OutboundEmail.objects.filter(pk__in=due).update(next_attempt_at=now + settings.TASKS_LEASE)
        for email_id in due:
            deliver_email.enqueue(email_id=email_id)
    return given_back, len(due)


#: Sent and failed e-mails are kept this long (their bodies hold personal data), then deleted.
RETENTION = datetime.timedelta(days=30)


def purge(*, now: datetime.datetime | None = None) -> int:
    """Forget e-mails done with (sent, or failed for good) for longer than ``RETENTION``."""
    done = [OutboundEmail.Status.SENT, OutboundEmail.Status.FAILED]
    cutoff = (now or timezone.now()) - RETENTION
    deleted, _detail = OutboundEmail.objects.filter(status__in=done, created_at__lt=cutoff).delete()
    return deleted


def forget_address(address: str) -> int:
    """LGPD: delete every e-mail to ``address`` (anonymising a requester), sent or not."""
    deleted, _detail = OutboundEmail.objects.filter(to__icontains=address).delete()
    return deleted
