"""Who may see which tickets. Every page and download that shows a ticket starts here.

- A signed-in customer sees the tickets they opened, and a company *gestor* also every ticket
  opened for one of their companies (matched on the exact, normalised CNPJ) by one of its
  members (``Ticket.company_verified``): typing a company's CNPJ does not put a ticket in its list.
- A visitor who followed an e-mailed consultation link sees, for a limited time, the tickets
  registered with that CPF *and* that e-mail address: typing someone's CPF in the form never
  shows anything, and a ticket opened with someone else's CPF but another e-mail stays private.
- The browser that sent a ticket sees that ticket for the rest of its session.
- Staff work tickets in the admin, not here.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from portal.models import Membership, User
from tickets.models import Attachment, Message, Ticket

GRANT_SESSION_KEY = "tickets_access"
GRANT_LIFETIME = datetime.timedelta(hours=1)
#: The session remembers the tickets it sent (tickets.wizard); only the latest ones grant access.
SUBMITTED_SESSION_KEY = "tickets_submitted"
MAX_SUBMITTED = 20


@dataclass(frozen=True)
class Viewer:
    user: User | None
    managed_cnpjs: tuple[str, ...] = ()
    grant_cpf: str = ""
    grant_email: str = ""
    submitted: tuple[tuple[int, int], ...] = ()


def grant_access(session: SessionBase, *, cpf: str, email: str) -> None:
    """Let this browser see the tickets of ``cpf`` registered with ``email``, for a while."""
    session.cycle_key()
    until = timezone.now() + GRANT_LIFETIME
    session[GRANT_SESSION_KEY] = {"cpf": cpf, "email": email.lower(), "until": until.isoformat()}


def _grant(session: SessionBase) -> dict[str, str] | None:
    grant = session.get(GRANT_SESSION_KEY)
    if not grant:
        return None
    try:
        until = datetime.datetime.fromisoformat(grant["until"])
    except (KeyError, TypeError, ValueError):
        until = None
    if until is None or until <= timezone.now():
        session.pop(GRANT_SESSION_KEY, None)
        return None
    return grant


def viewer_for(request: HttpRequest) -> Viewer:
    """The request's identity for ticket visibility. One query for a signed-in user's companies."""
    user = request.user if request.user.is_authenticated else None
    managed: tuple[str, ...] = ()
    if user is not None:
        managed = tuple(
            Membership.objects.filter(user=user, role=Membership.Role.MANAGER).values_list(
                "organization__cnpj", flat=True
            )
        )
    grant = _grant(request.session)
    submitted = request.session.get(SUBMITTED_SESSION_KEY, {}).values()
    return Viewer(
        user=user,
        managed_cnpjs=managed,
        grant_cpf=grant["cpf"] if grant else "",
        grant_email=grant["email"] if grant else "",
        submitted=tuple((int(year), int(number)) for year, number in list(submitted)[-MAX_SUBMITTED:]),
    )


def visible_tickets(viewer: Viewer) -> QuerySet[Ticket]:
    """The tickets ``viewer`` may see; empty for a visitor without a link."""
    condition = Q(pk__in=[])
    if viewer.user is not None:
        condition |= Q(created_by=viewer.user)
        if viewer.managed_cnpjs:
            # Only tickets opened by the company's own people: anyone can type a CNPJ.
            condition |= Q(cnpj__in=viewer.managed_cnpjs, company_verified=True)
    if viewer.grant_cpf:
        condition |= Q(requester_cpf=viewer.grant_cpf, email__iexact=viewer.grant_email)
    for year, number in viewer.submitted:
        condition |= Q(year=year, number=number)
    return Ticket.objects.filter(condition)


def company_tickets(cnpj: str) -> QuerySet[Ticket]:
    """The company's tickets as its gestores see them (``visible_tickets`` with ``managed_cnpjs``):
    opened for its CNPJ by its own people. The customer API's scope for a company's key."""
    return Ticket.objects.filter(cnpj=cnpj, company_verified=True)


def ticket_for(viewer: Viewer, *, year: int, number: int) -> Ticket | None:
    """The numbered ticket, if ``viewer`` may see it, with what its page shows."""
    tickets = visible_tickets(viewer).select_related("form", "product", "subject", "type", "team")
    try:
        # get(), not first(): a number names one ticket, and first() would add an ORDER BY to
        # build and plan on every ticket page (a fifth of this query's CPU).
        return tickets.get(year=year, number=number)
    except Ticket.DoesNotExist:
        return None


def public_messages(ticket: Ticket) -> QuerySet[Message]:
    """The conversation a customer sees: their messages and staff public replies, never notes."""
    return ticket.messages.filter(kind__in=Message.PUBLIC).order_by("created_at", "pk")


def public_attachments(ticket: Ticket) -> QuerySet[Attachment]:
    """Files a customer may download: the ticket's own and those of public messages."""
    return (
        Attachment.objects.filter(ticket=ticket)
        .filter(Q(message__isnull=True) | Q(message__kind__in=Message.PUBLIC))
        .order_by("uploaded_at", "pk")
    )


def consult(viewer: Viewer, criteria: dict[str, Any]) -> QuerySet[Ticket]:
    """A signed-in customer's consultation: by CPF and open/closed, or one number. Newest first."""
    tickets = visible_tickets(viewer).select_related("product", "subject")
    if criteria["by"] == "numero":
        tickets = tickets.filter(year=criteria["year"], number=criteria["number"])
    else:
        tickets = tickets.filter(requester_cpf=criteria["cpf"])
        if criteria.get("situation") == "fechadas":
            tickets = tickets.filter(status__in=Ticket.FINISHED)
        else:
            tickets = tickets.exclude(status__in=Ticket.FINISHED)
    return tickets.order_by("-created_at", "-pk")


def granted_tickets(viewer: Viewer) -> QuerySet[Ticket]:
    """What an e-mailed link opened for this browser: that CPF's tickets with that e-mail. Newest first."""
    if not viewer.grant_cpf:
        return Ticket.objects.none()
    return (
        Ticket.objects.filter(requester_cpf=viewer.grant_cpf, email__iexact=viewer.grant_email)
        .select_related("product", "subject")
        .order_by("-created_at", "-pk")
    )
