"""Demo attestations: the gestor of each demo company attested most closed months of the last
year, a few days after each month ended; the newest months of each company are left pending, and
one month of the first company is contested, with its Gestão Contratual ticket. Runs after
billing's demo (the invoices) and tickets' demo (the Gestão Contratual form). Idempotent."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from attestation import selectors, services
from attestation.models import Attestation
from billing.models import Invoice
from portal.models import Contract, Membership

PENDING_PER_COMPANY = 3
CONTEST_REASON = (
    "A API ficou indisponível em vários dias do mês, fora da janela de manutenção combinada, e o "
    "relatório de disponibilidade mostra índice abaixo do nível de serviço contratado. Pedimos a "
    "revisão do valor faturado."
)


def seed(stdout) -> None:
    today = timezone.localdate()
    periods = selectors.closed_periods(today=today)
    created = contested = 0
    gestores = (
        Membership.objects.filter(role=Membership.Role.MANAGER)
        .select_related("user", "organization")
        .order_by("organization__legal_name", "pk")
    )
    seen: set[int] = set()
    for membership in gestores:
        if membership.organization_id in seen:
            continue
        seen.add(membership.organization_id)
        gestor = membership.user
        contracts = list(Contract.objects.filter(organization=membership.organization).order_by("number"))
        slots = sorted(
            (
                (period, contract)
                for contract in contracts
                for period in periods
                if selectors.is_closed_period_of(contract, period, today=today)
            ),
            key=lambda slot: (-slot[0].toordinal(), slot[1].number),
        )
        recorded = set(Attestation.objects.filter(contract__in=contracts).values_list("contract_id", "period"))
        invoices = {
            (invoice.contract_id, invoice.period): invoice
            for invoice in Invoice.objects.filter(contract__in=contracts).exclude(status=Invoice.Status.CANCELLED)
        }
        to_attest = slots[PENDING_PER_COMPANY:]
        if len(seen) == 1 and to_attest and not Attestation.objects.filter(kind=Attestation.Kind.CONTESTED).exists():
            period, contract = to_attest.pop(1 if len(to_attest) > 1 else 0)
            if (contract.pk, period) not in recorded:
                try:
                    services.contest(user=gestor, contract=contract, period=period, reason=CONTEST_REASON, today=today)
                    contested += 1
                except ValidationError as error:  # the demo goes on without its contest
                    stdout.write(f"  attestation: contestação de demonstração não criada ({error})\n")
        new = [
            Attestation(
                contract=contract,
                period=period,
                invoice=invoices.get((contract.pk, period)),
                kind=Attestation.Kind.ATTESTED,
                declared_by=gestor,
                declarant_name=gestor.name,
                declarant_cpf=gestor.cpf or "",
                declared_at=_declared_at(period),
            )
            for period, contract in to_attest
            if (contract.pk, period) not in recorded
        ]
        Attestation.objects.bulk_create(new)
        created += len(new)
    total = Attestation.objects.count()
    stdout.write(f"  attestation: {total} atestes e contestações ({created} atestes e {contested} contestação novos)\n")


def _declared_at(period: datetime.date) -> datetime.datetime:
    """A few days into the next month, in office hours."""
    next_month = (period + datetime.timedelta(days=32)).replace(day=1)
    moment = datetime.datetime.combine(next_month + datetime.timedelta(days=4), datetime.time(10, 30))
    return timezone.make_aware(moment)
