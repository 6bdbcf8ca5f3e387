"""Writes on certificate requests: asking for one, and the team moving it along.

Each function is one transaction; each change of status writes a ``CertificateStatusEvent`` and
queues an e-mail to the requester, in the language they used to ask (``notifications``).

Allowed moves: solicitado → em validação → emitido; solicitado or em validação → recusado.
Anything else is a ``ValidationError``.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates import notifications
from certificates.models import REASON_MAX_LENGTH, TEAM_NAME, CertificateRequest, CertificateStatusEvent
from portal.identifiers import normalize_cnpj
from portal.models import Membership, Organization, User
from tickets.models import Team, Ticket
from tickets.services import can_work

Status = CertificateRequest.Status

ALLOWED = {
    Status.REQUESTED: {Status.VALIDATING, Status.REFUSED},
    Status.VALIDATING: {Status.ISSUED, Status.REFUSED},
    Status.ISSUED: set(),
    Status.REFUSED: set(),
}


def can_request(user: User, organization: Organization) -> bool:
    """Only a gestor of the company asks for its certificates."""
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organization=organization, role=Membership.Role.MANAGER).exists()
    )


def _language(language: str) -> str:
    language = (language or "").lower()
    return language if language in Ticket.Language.values else Ticket.Language.PORTUGUESE


@transaction.atomic
def certificate_request(
    *,
    user: User,
    organization: Organization,
    kind: str,
    media: str,
    validity_years: int,
    holder_name: str,
    holder_document: str,
    holder_email: str,
    delivery: str,
    service_unit: str = "",
    postal_code: str = "",
    street: str = "",
    street_number: str = "",
    complement: str = "",
    district: str = "",
    city: str = "",
    state: str = "",
    language: str = Ticket.Language.PORTUGUESE,
    renewal_of: CertificateRequest | None = None,
    now: datetime.datetime | None = None,
) -> CertificateRequest:
    """Register a gestor's request for a certificate of their company, and confirm it by e-mail."""
    if not can_request(user, organization):
        raise PermissionDenied(_("Só o gestor da empresa pode solicitar certificados digitais."))
    if renewal_of is not None and renewal_of.organization_id != organization.pk:
        raise ValidationError(_("A renovação deve ser pedida pela mesma empresa do certificado."))
    now = now or timezone.now()
    request = CertificateRequest(
        organization=organization,
        requested_by=user,
        requester_name=user.name or user.email,
        requester_email=user.email,
        language=_language(language),
        kind=kind,
        media=media,
        validity_years=validity_years,
        holder_name=holder_name.strip(),
        holder_document=normalize_cnpj(holder_document),  # separators out; CPF digits are unchanged
        holder_email=holder_email.strip(),
        delivery=delivery,
        service_unit=service_unit,
        postal_code=postal_code.strip(),
        street=street.strip(),
        street_number=street_number.strip(),
        complement=complement.strip(),
        district=district.strip(),
        city=city.strip(),
        state=state,
        team=Team.objects.get_or_create(name=TEAM_NAME)[0],
        renewal_of=renewal_of,
        created_at=now,
    )
    request.full_clean()
    request.save()
    CertificateStatusEvent.objects.create(request=request, from_status="", to_status=Status.REQUESTED, at=now, by=user)
    notifications.status_changed(request=request)
    return request


def _move(
    *, request: CertificateRequest, by: User, to: str, note: str = "", now: datetime.datetime | None = None, **fields
) -> CertificateRequest:
    """Lock the request, check the move and who makes it, write the change, its event and the e-mail."""
    locked = CertificateRequest.objects.select_for_update().select_related("team", "organization").get(pk=request.pk)
    if not can_work(by, locked.team):
        raise PermissionDenied(_("Só a equipe %(team)s trabalha esta solicitação.") % {"team": locked.team.name})
    if to not in ALLOWED[locked.status]:
        raise ValidationError(
            _("Não é possível passar de “%(from)s” para “%(to)s”.")
            % {"from": locked.get_status_display(), "to": Status(to).label}
        )
    now = now or timezone.now()
    previous = locked.status
    locked.status = to
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    CertificateStatusEvent.objects.create(request=locked, from_status=previous, to_status=to, at=now, by=by, note=note)
    notifications.status_changed(request=locked)
    return locked


@transaction.atomic
def certificate_start_validation(
    *, request: CertificateRequest, by: User, now: datetime.datetime | None = None
) -> CertificateRequest:
    """The team takes the request: the holder's documents are being checked."""
    return _move(request=request, by=by, to=Status.VALIDATING, now=now)


def add_years(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


@transaction.atomic
def certificate_issue(
    *,
    request: CertificateRequest,
    by: User,
    serial: str,
    issued_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> CertificateRequest:
    """The certificate was issued (``issued_at``, earlier when staff record it late): it is valid for
    the requested years from then. The history records when staff recorded it (``now``)."""
    serial = serial.strip()
    if not serial:
        raise ValidationError(_("Informe o número de série do certificado emitido."))
    issued_at = issued_at or timezone.now()
    if issued_at > timezone.now():
        raise ValidationError(_("A data de emissão não pode estar no futuro."))
    return _move(
        request=request,
        by=by,
        to=Status.ISSUED,
        now=now,
        serial_number=serial,
        issued_at=issued_at,
        expires_at=add_years(issued_at, request.validity_years),
    )


@transaction.atomic
def certificate_refuse(
    *, request: CertificateRequest, by: User, reason: str, now: datetime.datetime | None = None
) -> CertificateRequest:
    """The request cannot be fulfilled; the customer reads why."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Informe o motivo da recusa: o cliente vai lê-lo."))
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(_("O motivo pode ter no máximo %(max)d caracteres.") % {"max": REASON_MAX_LENGTH})
    return _move(request=request, by=by, to=Status.REFUSED, note=reason, refusal_reason=reason, now=now)
