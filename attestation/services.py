"""Attesting and contesting a closed billing period. Only a gestor of the contract's company may."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from attestation import selectors
from attestation.models import REASON_MAX_LENGTH, Attestation
from billing.documents import brl
from portal.models import Contract, User
from tickets.models import Ticket, TicketForm, TicketType
from tickets.services import ticket_open

#: The Gestão Contratual subject's form (tickets.demo SUBJECTS): contests are tickets about it.
CONTEST_FORM_SLUG = "assunto-gestao-contratual"


def _check(*, user: User, contract: Contract, period: datetime.date, today: datetime.date) -> None:
    if not selectors.can_manage(user, contract):
        raise PermissionDenied(_("Só o gestor da empresa pode atestar ou contestar os serviços."))
    if not selectors.is_closed_period_of(contract, period, today=today):
        raise ValidationError(_("Só é possível atestar um mês já encerrado dentro da vigência do contrato."))
    if Attestation.objects.filter(contract=contract, period=period).exists():
        raise ValidationError(_("Este período já foi atestado ou contestado."))


def _record(**fields) -> Attestation:
    record = Attestation(**fields)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:
        # Another request recorded the same period first.
        raise ValidationError(_("Este período já foi atestado ou contestado.")) from error
    return record


@transaction.atomic
def attest(*, user: User, contract: Contract, period: datetime.date, today: datetime.date | None = None) -> Attestation:
    """Record the gestor's declaration that the service of ``period`` was delivered."""
    today = today or timezone.localdate()
    _check(user=user, contract=contract, period=period, today=today)
    return _record(
        contract=contract,
        period=period,
        invoice=selectors.invoice_for(contract, period),
        kind=Attestation.Kind.ATTESTED,
        declared_by=user,
        declarant_name=user.name,
        declarant_cpf=user.cpf or "",
    )


@transaction.atomic
def contest(
    *, user: User, contract: Contract, period: datetime.date, reason: str, today: datetime.date | None = None
) -> Attestation:
    """Record the gestor's contest of ``period`` and open a Gestão Contratual ticket about it, together."""
    today = today or timezone.localdate()
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Informe o motivo da contestação."))
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(_("O motivo pode ter no máximo %(max)d caracteres.") % {"max": REASON_MAX_LENGTH})
    _check(user=user, contract=contract, period=period, today=today)
    form = (
        TicketForm.objects.active().select_related("product", "subject", "team").filter(slug=CONTEST_FORM_SLUG).first()
    )
    ticket_type = TicketType.objects.active().first()
    if form is None or ticket_type is None:
        raise ValidationError(_("A contestação está indisponível no momento. Tente mais tarde ou abra um ticket."))
    invoice = selectors.invoice_for(contract, period)
    month = f"{period:%m/%Y}"
    lines = [
        _("Contestação do ateste de serviços do contrato %(contract)s, competência %(month)s.")
        % {"contract": contract.number, "month": month},
        "",
        _("Motivo informado pelo gestor:"),
        reason,
        "",
    ]
    if invoice is not None:
        lines.append(
            _("Fatura %(number)s, valor %(amount)s.") % {"number": invoice.number, "amount": brl(invoice.amount)}
        )
    else:
        lines.append(_("Ainda não há fatura para este período."))
    ticket, _created = ticket_open(
        submission_key=f"ateste-{contract.pk}-{period:%Y-%m}",
        form=form,
        requester_cpf=user.cpf or "",
        requester_name=user.name,
        cnpj=contract.organization.cnpj,
        email=user.email,
        phone="",
        language=_ticket_language(),
        type=ticket_type,
        title=_("Contestação do ateste — %(contract)s — %(month)s") % {"contract": contract.number, "month": month},
        description="\n".join(lines),
        extra=_extra_answers(form, contract),
        files=[],
        created_by=user,
    )
    return _record(
        contract=contract,
        period=period,
        invoice=invoice,
        kind=Attestation.Kind.CONTESTED,
        reason=reason,
        ticket=ticket,
        declared_by=user,
        declarant_name=user.name,
        declarant_cpf=user.cpf or "",
    )


def _ticket_language() -> str:
    language = (get_language() or "pt-br").lower()
    return language if language in Ticket.Language.values else Ticket.Language.PORTUGUESE


def _extra_answers(form: TicketForm, contract: Contract) -> list[dict]:
    """The form's own questions, as the wizard stores them: the contract number where it is asked."""
    return [
        {"field": field.pk, "label": field.label, "value": contract.number if "contrato" in field.label.lower() else ""}
        for field in form.fields.all()
    ]
