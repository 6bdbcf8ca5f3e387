"""Writes of the tickets app: each one transaction.

The e-mails a write causes go to the outbox (``portal.outbox``) inside that same transaction,
so they exist exactly when the write does; files are deleted only after commit.
"""

import datetime
import hashlib
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal import outbox
from portal.identifiers import normalize_cnpj, normalize_cpf, redact_cpf
from portal.models import Membership, User
from tickets import notifications, removals
from tickets.attachments import STORAGE_ERRORS, Kind, StorageUnavailable, delete_quietly, safe_name
from tickets.models import (
    AccessLog,
    Attachment,
    LookupToken,
    Message,
    ProtocolCounter,
    StatusEvent,
    Team,
    Ticket,
    TicketForm,
    TicketType,
    private_storage,
)
from tickets.permissions import is_supervisor
from tickets.sla import add_business_time, business_time_between, due_dates, holidays_since

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class TicketActionRefused(Exception):
    """A customer or staff action the ticket's state does not allow; the message says why."""

    def __init__(self, message: "StrOrPromise") -> None:
        super().__init__(message)
        self.message = message


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
    created_by: User | AnonymousUser | None = None,
    company_verified: bool = False,
) -> tuple[Ticket, bool]:
    """Open a ticket from a completed form. Returns the ticket and whether it was created now.

    ``company_verified`` says the caller already knows the ticket comes from the company of
    ``cnpj`` (the customer API, called with one of the company's keys); otherwise the requester's
    membership decides.

    Idempotent on ``submission_key``: a second call with the same key (a double click, a reload,
    two tabs) returns the ticket the first one created. The protocol number is taken inside the
    same transaction, from a locked per-year counter.
    """
    # No look-up first: the unique submission key settles double submits, and the common case
    # (a first submit) saves a query.
    creator = created_by if created_by is not None and created_by.is_authenticated else None
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
                company_verified=company_verified
                or is_member_of(normalize_cnpj(cnpj), cpf=normalize_cpf(requester_cpf), user=creator),
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
                created_by=creator,
                created_at=now,
            )
            ticket.response_due_at, ticket.resolution_due_at = due_dates(
                opened_at=now, product_id=form.product_id, subject_id=form.subject_id, priority=ticket.priority
            )
            # Field rules only: the foreign keys come from rows the caller already loaded.
            ticket.clean_fields(exclude=["form", "product", "subject", "type", "team", "created_by", "submission_key"])
            ticket.save()
            _store_files(ticket, now=now, parked=files)
            StatusEvent.objects.create(ticket=ticket, from_status="", to_status=Ticket.Status.OPEN, at=now)
            notifications.ticket_opened(ticket_id=ticket.pk)
    except IntegrityError:
        # Another request with the same key won the race; its ticket is the one.
        existing = Ticket.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing, False
    return ticket, True


def is_member_of(cnpj: str, *, cpf: str, user: User | None = None) -> bool:
    """Whether the person opening a ticket belongs to the company of ``cnpj``: by their account, or by CPF.

    Anyone may type any company's CNPJ on the form; only a member's ticket reaches the company's
    gestores (``tickets.selectors``). The others stay with the team, marked "não verificado".
    """
    person = Q(user__cpf=cpf) if cpf else Q(pk__in=[])
    if user is not None:
        person |= Q(user=user)
    return Membership.objects.filter(person, organization__cnpj=cnpj).exists()


def _delete_all(paths: list[str]) -> None:
    for path in paths:
        delete_quietly(private_storage, path)


def _store_files(
    ticket: Ticket,
    *,
    now: datetime.datetime,
    message: Message | None = None,
    parked: Sequence[PendingFile] = (),
    uploads: Sequence[tuple[UploadedFile, Kind]] = (),
) -> None:
    """Keep a ticket's files, already checked, in one insert: those ``parked`` in private storage
    while the form was filled in, or ``uploads`` sent with ``message`` as (file, kind) pairs."""
    attachments = []

    def keep(content: File, *, original_name: str, content_type: str, size: int) -> None:
        attachment = Attachment(
            ticket=ticket,
            message=message,
            token=secrets.token_urlsafe(24),
            original_name=original_name,
            content_type=content_type,
            size=size,
            uploaded_at=now,
        )
        name = attachment.file.field.generate_filename(attachment, attachment.token)
        try:
            attachment.file.save(attachment.token, content, save=False)
        except STORAGE_ERRORS:
            delete_quietly(private_storage, name)  # a disk that filled up mid-write leaves the first part
            raise
        attachments.append(attachment)

    try:
        for pending in parked:
            with private_storage.open(pending.path, "rb") as source:
                keep(
                    File(source),
                    original_name=pending.original_name,
                    content_type=pending.content_type,
                    size=pending.size,
                )
        for uploaded, kind in uploads:
            # Checked uploads (attachments.validate_file read both) always have a name and a size.
            assert uploaded.name is not None
            assert uploaded.size is not None
            uploaded.seek(0)
            name, size = safe_name(uploaded.name), uploaded.size
            keep(File(uploaded), original_name=name, content_type=kind.content_type, size=size)
    except STORAGE_ERRORS as error:
        # The caller's transaction rolls back: no ticket or message without its files, and no file
        # kept for a row that does not exist (the parked copies stay, for the next try).
        logger.exception("Private storage failed while keeping the files of ticket %s", ticket.protocol)
        for attachment in attachments:
            if attachment.file.name:
                delete_quietly(private_storage, attachment.file.name)
        raise StorageUnavailable from error
    if attachments:
        Attachment.objects.bulk_create(attachments)
    if parked:
        # The parked copies are no longer needed once the ticket holds its own. One storage fails to
        # remove stays among the drafts, which the daily purge_ticket_drafts removes by age.
        transaction.on_commit(partial(_delete_all, [pending.path for pending in parked]))


def _locked(ticket: Ticket) -> Ticket:
    """The ticket's row, locked until the transaction ends, so two actions never interleave."""
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


def _set_status(
    ticket: Ticket,
    to_status: str,
    *,
    by: User | AnonymousUser | None = None,
    note: str = "",
    reason: str = "",
    now: datetime.datetime | None = None,
) -> bool:
    """Move the (locked) ticket to ``to_status`` and record it. Returns whether anything changed.

    ``reason`` is a ``StatusEvent.Reason`` (shown in each reader's language); ``note`` what staff typed.
    """
    if ticket.status == to_status:
        return False
    now = now or timezone.now()
    from_status = ticket.status
    ticket.status = to_status
    if to_status in Ticket.FINISHED:
        ticket.closed_at = ticket.closed_at if from_status in Ticket.FINISHED else now
    else:
        ticket.closed_at = None
    ticket.save(update_fields=["status", "closed_at", "updated_at", *_pause_or_resume_sla(ticket, from_status, now)])
    StatusEvent.objects.create(
        ticket=ticket,
        from_status=from_status,
        to_status=to_status,
        by=by if by is not None and by.is_authenticated else None,
        reason=reason,
        note=note,
        at=now,
    )
    return True


def _pause_or_resume_sla(ticket: Ticket, from_status: str, now: datetime.datetime) -> list[str]:
    """The SLA clock stops while the ticket waits on the customer. When it leaves that status, the
    business time it waited is added to the paused total and the due dates move on by as much.
    Returns the fields it changed."""
    if ticket.status == Ticket.PAUSED:
        ticket.sla_paused_at = now
        return ["sla_paused_at"]
    if from_status != Ticket.PAUSED or ticket.sla_paused_at is None:
        return []
    start = ticket.sla_paused_at
    dues = [due for due in (ticket.response_due_at, ticket.resolution_due_at) if due is not None]
    holidays = holidays_since(min([start, *dues]), until=max([now, *dues]))
    paused = business_time_between(start, now, holidays)
    if paused and ticket.response_due_at and (ticket.first_response_at is None or ticket.first_response_at >= start):
        # Answered before the pause, the first response kept its deadline: that history stays true.
        ticket.response_due_at = add_business_time(ticket.response_due_at, paused, holidays)
    if paused and ticket.resolution_due_at:
        ticket.resolution_due_at = add_business_time(ticket.resolution_due_at, paused, holidays)
    ticket.sla_paused += paused
    ticket.sla_paused_at = None
    return ["sla_paused_at", "sla_paused", "response_due_at", "resolution_due_at"]


def _due_dates(ticket: Ticket) -> tuple[datetime.datetime, datetime.datetime]:
    """The due dates of the ticket's SLA policy from its opening, moved on by the time already paused."""
    response, resolution = due_dates(
        opened_at=ticket.created_at,
        product_id=ticket.product_id,
        subject_id=ticket.subject_id,
        priority=ticket.priority,
    )
    if ticket.sla_paused:
        holidays = holidays_since(response, until=resolution)
        response = add_business_time(response, ticket.sla_paused, holidays)
        resolution = add_business_time(resolution, ticket.sla_paused, holidays)
    return response, resolution


def _author(ticket: Ticket, user: User | AnonymousUser | None) -> tuple[User | None, str]:
    if user is not None and user.is_authenticated:
        return user, user.get_full_name() or user.get_username()
    return None, ticket.requester_name


def ticket_reply(
    ticket: Ticket,
    *,
    body: str,
    uploads: Sequence[tuple[UploadedFile, Kind]] = (),
    user: User | AnonymousUser | None = None,
) -> Message:
    """The customer writes on their ticket: the team is told and the ticket waits for them again."""
    with transaction.atomic():
        ticket = _locked(ticket)
        if not ticket.can_reply:
            raise TicketActionRefused(_("Esta solicitação está fechada. Reabra-a para enviar uma nova mensagem."))
        now = timezone.now()
        author, author_name = _author(ticket, user)
        message = Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.CUSTOMER,
            body=body.strip(),
            author=author,
            author_name=author_name,
            created_at=now,
        )
        _store_files(ticket, now=now, message=message, uploads=uploads)
        if not _set_status(ticket, Ticket.Status.WAITING_SUPPORT, by=user, now=now):
            ticket.save(update_fields=["updated_at"])
        notifications.customer_replied(message_id=message.pk)
    return message


def staff_reply(
    ticket: Ticket, *, body: str, user: User, public: bool, uploads: Sequence[tuple[UploadedFile, Kind]] = ()
) -> Message:
    """Staff answer the customer (a public reply, e-mailed) or leave an internal note (never shown to them).

    The status is ``ticket_update``'s; the ticket page calls both in one transaction.
    """
    with transaction.atomic():
        ticket = _locked(ticket)
        now = timezone.now()
        message = Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.REPLY if public else Message.Kind.NOTE,
            body=body.strip(),
            author=user,
            author_name=user.get_full_name() or user.get_username(),
            created_at=now,
        )
        _store_files(ticket, now=now, message=message, uploads=uploads)
        if public and ticket.first_response_at is None:
            ticket.first_response_at = now
        ticket.save(update_fields=["first_response_at", "updated_at"])
        if public:
            notifications.staff_replied(message_id=message.pk)
    return message


def _refused_transition(ticket: Ticket, to_status: str) -> str:
    return _("Não é possível passar de “%(from)s” para “%(to)s”.") % {
        "from": ticket.get_status_display(),
        "to": Ticket.Status(to_status).label,
    }


RESOLVE_NEEDS_A_WORD = _(
    "Para marcar como “Resolvido”, escreva uma resposta pública ao cliente ou informe o motivo na observação."
)


def _check_resolving(ticket: Ticket, to_status: str, *, note: str, replied: bool) -> None:
    """Nobody resolves a ticket without a word: a public reply in the same save, or the reason why."""
    resolving = to_status == Ticket.Status.RESOLVED and ticket.status != Ticket.Status.RESOLVED
    if resolving and not replied and not note.strip():
        raise TicketActionRefused(RESOLVE_NEEDS_A_WORD)


def ticket_change_status(
    ticket: Ticket, to_status: str, *, user: User, note: str = "", now: datetime.datetime | None = None
) -> Ticket:
    """Staff move a ticket, along the allowed transitions; the requester hears of resolved or closed.

    Resolving needs the reason (``note``): this path sends the customer no reply.
    """
    with transaction.atomic():
        ticket = _locked(ticket)
        if ticket.status == to_status:
            return ticket
        if not ticket.can_move_to(to_status):
            raise TicketActionRefused(_refused_transition(ticket, to_status))
        _check_resolving(ticket, to_status, note=note, replied=False)
        _set_status(ticket, to_status, by=user, note=note.strip(), now=now)
        if to_status in Ticket.FINISHED:
            notifications.ticket_finished(ticket_id=ticket.pk)
    return ticket


def ticket_update(
    ticket: Ticket,
    *,
    user: User,
    status: str,
    priority: str,
    team: Team,
    assignee: User | None,
    note: str = "",
    replied: bool = False,
    now: datetime.datetime | None = None,
) -> Ticket:
    """What staff change on a ticket's page, in one transaction: status, priority, team, assignee.

    A new priority recomputes the due dates from the SLA policy (moved on by the time already
    paused); a status must be reachable from the current one, and resolving needs a public reply
    in the same save (``replied``) or a ``note``. Only supervisors move a ticket to another team
    or give it to someone else; an atendente takes it or lets it go.
    """
    with transaction.atomic():
        ticket = _locked(ticket)
        if status != ticket.status and not ticket.can_move_to(status):
            raise TicketActionRefused(_refused_transition(ticket, status))
        _check_resolving(ticket, status, note=note, replied=replied)
        if not is_supervisor(user):
            if team.pk != ticket.team_id:
                raise TicketActionRefused(_("Só a supervisão muda a equipe de um ticket."))
            if assignee is not None and assignee.pk not in (user.pk, ticket.assignee_id):
                raise TicketActionRefused(_("Só a supervisão atribui um ticket a outra pessoa."))
        if assignee is not None and not can_work(assignee, team):
            message = _("%(name)s não faz parte da equipe %(team)s.")
            raise TicketActionRefused(message % {"name": assignee, "team": team})
        fields = ["updated_at"]
        if priority != ticket.priority:
            ticket.priority = priority
            ticket.response_due_at, ticket.resolution_due_at = _due_dates(ticket)
            fields += ["priority", "response_due_at", "resolution_due_at"]
        if team.pk != ticket.team_id:
            ticket.team = team
            fields.append("team")
        if (assignee.pk if assignee else None) != ticket.assignee_id:
            ticket.assignee = assignee
            fields.append("assignee")
        ticket.save(update_fields=fields)
        if status != ticket.status:
            _set_status(ticket, status, by=user, note=note.strip(), now=now)
            if status in Ticket.FINISHED:
                notifications.ticket_finished(ticket_id=ticket.pk)
    return ticket


def can_work(user: User, team: Team) -> bool:
    """Whether ``user`` may be responsible for tickets of ``team``: its members, and supervisors."""
    if not user.is_active or not user.is_staff:
        return False
    return is_supervisor(user) or team.members.filter(pk=user.pk).exists()


def tickets_assign(tickets: QuerySet[Ticket], *, assignee: User | None, user: User) -> int:
    """Give each ticket to ``assignee`` (None: unassign). Tickets of teams they are not in are skipped."""
    changed = 0
    ids = list(tickets.values_list("pk", flat=True))
    with transaction.atomic():
        for ticket in Ticket.objects.select_for_update().filter(pk__in=ids).select_related("team"):
            if assignee is not None and not can_work(assignee, ticket.team):
                continue
            if ticket.assignee_id != (assignee.pk if assignee else None):
                ticket.assignee = assignee
                ticket.save(update_fields=["assignee", "updated_at"])
                changed += 1
    return changed


def log_access(user: User, action: str, *, ticket: Ticket | None = None, detail: str = "") -> None:
    AccessLog.objects.create(user=user, action=action, ticket=ticket, detail=detail[:500])


ANONYMOUS_CPF = "00000000000"
ANONYMOUS_NAME = "Solicitante anonimizado"
REMOVED = "[conteúdo removido a pedido do titular dos dados]"


def requester_anonymise(cpf: str, *, user: User) -> int:
    """LGPD: replace a requester's personal data in every ticket of theirs, delete their files.

    Protocol numbers, statuses, staff replies and the history stay; the customer's own words
    (description, messages, form answers) go, as they may hold personal data. Returns how many
    tickets were anonymised; the action is recorded in the access log.
    """
    cpf = normalize_cpf(cpf)
    now = timezone.now()
    with transaction.atomic():
        tickets = list(Ticket.objects.select_for_update().filter(requester_cpf=cpf))
        paths = []
        addresses = {ticket.email for ticket in tickets}
        for ticket in tickets:
            paths += [attachment.file.name for attachment in ticket.attachments.all()]
            ticket.attachments.all().delete()
            ticket.messages.filter(kind=Message.Kind.CUSTOMER).update(body=REMOVED, author_name=ANONYMOUS_NAME)
            ticket.requester_cpf = ANONYMOUS_CPF
            ticket.requester_name = ANONYMOUS_NAME
            ticket.email = "anonimizado@invalid.example"
            ticket.phone = ""
            ticket.description = REMOVED
            ticket.extra = []
            ticket.rating_comment = ""
            ticket.anonymised_at = now
            ticket.save()
        LookupToken.objects.filter(cpf=cpf).delete()
        for address in addresses:  # the e-mails sent to them quoted their words too
            outbox.forget_address(address)
        log_access(
            user,
            AccessLog.Action.ANONYMISE,
            detail=f"CPF {redact_cpf(cpf)}: " + ", ".join(ticket.protocol for ticket in tickets),
        )
        removals.remove_after_commit(paths)
    return len(tickets)


def ticket_close(ticket: Ticket, *, user: User | AnonymousUser | None = None) -> Ticket:
    """The customer closes their own ticket (nothing more to do)."""
    with transaction.atomic():
        ticket = _locked(ticket)
        if not ticket.can_close:
            raise TicketActionRefused(_("Esta solicitação já está fechada."))
        _set_status(ticket, Ticket.Status.CLOSED, by=user, reason=StatusEvent.Reason.CLOSED_BY_CUSTOMER)
    return ticket


def ticket_reopen(ticket: Ticket, *, reason: str, user: User | AnonymousUser | None = None) -> Ticket:
    """The customer reopens a resolved or closed ticket, within the reopening window, saying why.

    The reason is their message in the conversation; the team is told, with it.
    """
    reason = reason.strip()
    if not reason:
        raise TicketActionRefused(_("Conte o que ainda falta resolver."))
    with transaction.atomic():
        ticket = _locked(ticket)
        if not ticket.can_reopen():
            days = Ticket.REOPEN_WINDOW.days
            raise TicketActionRefused(
                ngettext(
                    "Só é possível reabrir uma solicitação resolvida ou fechada há no máximo %(days)d dia.",
                    "Só é possível reabrir uma solicitação resolvida ou fechada há no máximo %(days)d dias.",
                    days,
                )
                % {"days": days}
            )
        now = timezone.now()
        author, author_name = _author(ticket, user)
        message = Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.CUSTOMER,
            body=reason,
            author=author,
            author_name=author_name,
            created_at=now,
        )
        _set_status(
            ticket, Ticket.Status.WAITING_SUPPORT, by=user, reason=StatusEvent.Reason.REOPENED_BY_CUSTOMER, now=now
        )
        notifications.ticket_reopened(message_id=message.pk)
    return ticket


def ticket_rate(ticket: Ticket, *, rating: int, comment: str = "") -> Ticket:
    """The customer rates the service once the ticket is resolved; once only."""
    if not 1 <= int(rating) <= 5:
        raise TicketActionRefused(_("Escolha uma nota de 1 a 5."))
    with transaction.atomic():
        ticket = _locked(ticket)
        if ticket.rating is not None:
            raise TicketActionRefused(_("Esta solicitação já foi avaliada. Obrigado!"))
        if not ticket.is_finished:
            raise TicketActionRefused(_("A avaliação fica disponível quando a solicitação for resolvida."))
        if not ticket.was_attended:
            raise TicketActionRefused(
                _("Esta solicitação foi fechada antes de uma resposta da equipe: não há atendimento a avaliar.")
            )
        ticket.rating = int(rating)
        ticket.rating_comment = comment.strip()
        ticket.rated_at = timezone.now()
        ticket.save(update_fields=["rating", "rating_comment", "rated_at", "updated_at"])
    return ticket


# Anonymous consultation: a single-use link by e-mail, never ticket data on the page.

#: However many people ask for a CPF's tickets, one address gets at most this many links per
#: window; earlier links stay valid, so the owner still has one to open.
LINKS_PER_ADDRESS = 3
LINKS_PER_ADDRESS_WINDOW = datetime.timedelta(hours=1)


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def lookup_links_send(*, cpf: str, year: int | None = None, number: int | None = None) -> int:
    """E-mail an access link to each address used on the CPF's tickets (or on the one numbered ticket).

    Runs in the background task, so the page answers the same, in the same time, whether or
    not there are tickets. Returns how many links were sent.
    """
    cpf = normalize_cpf(cpf)
    tickets = Ticket.objects.filter(requester_cpf=cpf)
    if number is not None:
        # A number names a ticket only with its year: without one, nothing matches.
        tickets = tickets.filter(year=year, number=number) if year is not None else tickets.none()
    latest_by_email: dict[str, str] = {}
    for email, language in (
        tickets.annotate(email_key=Lower("email")).order_by("-created_at").values_list("email_key", "language")
    ):
        latest_by_email.setdefault(email, language)
    now = timezone.now()
    recent = LookupToken.objects.filter(created_at__gt=now - LINKS_PER_ADDRESS_WINDOW)
    sent_lately = dict(
        recent.filter(email__in=latest_by_email).values("email").annotate(n=Count("pk")).values_list("email", "n")
    )
    latest_by_email = {
        email: language
        for email, language in latest_by_email.items()
        if sent_lately.get(email, 0) < LINKS_PER_ADDRESS  # enough links in that inbox already
    }
    with transaction.atomic():  # each link with its e-mail, or neither
        for email, language in latest_by_email.items():
            raw = secrets.token_urlsafe(32)  # 256 bits from the OS's CSPRNG
            LookupToken.objects.create(
                token_hash=_hash_token(raw), cpf=cpf, email=email, created_at=now, expires_at=now + LookupToken.LIFETIME
            )
            notifications.lookup_link(email=email, language=language, token=raw)
    return len(latest_by_email)


def _usable_links(raw: str) -> QuerySet[LookupToken]:
    if not raw or len(raw) > 100:
        return LookupToken.objects.none()
    return LookupToken.objects.filter(token_hash=_hash_token(raw), used_at__isnull=True, expires_at__gt=timezone.now())


def lookup_link_usable(raw: str) -> bool:
    """Whether a link would open now, without spending it."""
    return _usable_links(raw).exists()


def lookup_link_redeem(raw: str) -> LookupToken | None:
    """Spend a link: the token, if it is known, unexpired and unused — after this call it is used."""
    if not _usable_links(raw).update(used_at=timezone.now()):
        return None
    return LookupToken.objects.get(token_hash=_hash_token(raw))


def lookup_tokens_purge(*, older_than: datetime.datetime) -> int:
    """Forget links that can no longer be used."""
    deleted, _detail = LookupToken.objects.filter(expires_at__lt=older_than).delete()
    return deleted
