"""Writes of the tickets app: each one transaction, side effects after commit."""

import secrets
from dataclasses import dataclass

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.identifiers import normalize_cnpj, normalize_cpf
from tickets import notifications
from tickets.models import Attachment, ProtocolCounter, StatusEvent, Ticket, TicketForm, TicketType


@dataclass(frozen=True)
class PendingFile:
    """An attachment already checked and parked in private storage while the form is filled in."""

    path: str  # relative to private storage
    original_name: str
    content_type: str
    size: int


def new_submission_key() -> str:
    return secrets.token_urlsafe(32)


def ticket_open(
    *,
    submission_key: str,
    form: TicketForm,
    requester_cpf: str,
    requester_name: str,
    cnpj: str,
    email: str,
    phone: str,
    language: str,
    type: TicketType,  # noqa: A002 (the field's name in the domain)
    title: str,
    description: str,
    extra: list[dict],
    files: list[PendingFile],
    created_by=None,
) -> tuple[Ticket, bool]:
    """Open a ticket from a completed form. Returns the ticket and whether it was created now.

    Idempotent on ``submission_key``: a second call with the same key (a double click, a reload,
    two tabs) returns the ticket the first one created. The protocol number is taken inside the
    same transaction, from a locked per-year counter.
    """
    existing = Ticket.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            now = timezone.now()
            year = timezone.localdate(now).year
            ticket = Ticket(
                year=year,
                number=ProtocolCounter.next_number(year),
                submission_key=submission_key,
                requester_cpf=normalize_cpf(requester_cpf),
                requester_name=requester_name.strip(),
                cnpj=normalize_cnpj(cnpj),
                email=email.strip(),
                phone=phone.strip(),
                language=language,
                form=form,
                product=form.product,
                subject=form.subject,
                type=type,
                title=title.strip(),
                description=description.strip(),
                extra=extra,
                status=Ticket.Status.OPEN,
                team=form.team,
                created_by=created_by if created_by is not None and created_by.is_authenticated else None,
                created_at=now,
            )
            # Field rules only: the foreign keys come from rows the caller already loaded.
            ticket.clean_fields(exclude=["form", "product", "subject", "type", "team", "created_by", "submission_key"])
            ticket.save()
            _attach(ticket, files, now)
            StatusEvent.objects.create(ticket=ticket, from_status="", to_status=Ticket.Status.OPEN, at=now)
            transaction.on_commit(lambda: notifications.ticket_opened(ticket_id=ticket.pk))
    except IntegrityError:
        # Another request with the same key won the race; its ticket is the one.
        existing = Ticket.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False
    return ticket, True


def _attach(ticket: Ticket, files: list[PendingFile], now) -> None:
    from tickets.models import private_storage

    attachments = []
    for pending in files:
        attachment = Attachment(
            ticket=ticket,
            token=secrets.token_urlsafe(24),
            original_name=pending.original_name,
            content_type=pending.content_type,
            size=pending.size,
            uploaded_at=now,
        )
        with private_storage.open(pending.path, "rb") as source:
            attachment.file.save(attachment.token, File(source), save=False)
        attachments.append(attachment)
    Attachment.objects.bulk_create(attachments)
    # The parked copies are no longer needed once the ticket holds its own.
    transaction.on_commit(lambda: [private_storage.delete(pending.path) for pending in files])
