"""What the Ateste de Serviços page shows, and to whom.

One scope: the contracts of the user's companies (``visible_contracts``); a gestor and a membro both
read, only a gestor of the contract's company attests or contests (``can_manage``). A contract or
period outside that scope is simply not there (404).

A period is a month; it is *closed* once the month has ended, and it is attested within the
contract's term. The page covers the last ``WINDOW_MONTHS`` closed months, plus any older record.
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from attestation.models import Attestation
from billing.models import Invoice
from portal.models import Contract, Membership

WINDOW_MONTHS = 12


def visible_contracts(user) -> QuerySet[Contract]:
    """The one scope of this app: the contracts of the user's companies."""
    if not user.is_authenticated:
        return Contract.objects.none()
    return Contract.objects.of_user(user)


def managed_organization_ids(user) -> set[int]:
    """The companies in which the user is a gestor."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, role=Membership.Role.MANAGER).values_list("organization_id", flat=True)
    )


def can_manage(user, contract: Contract) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, organization_id=contract.organization_id, role=Membership.Role.MANAGER
        ).exists()
    )


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def previous_month(period: datetime.date) -> datetime.date:
    return (
        period.replace(year=period.year - 1, month=12) if period.month == 1 else period.replace(month=period.month - 1)
    )


def closed_periods(*, today: datetime.date | None = None, months: int = WINDOW_MONTHS) -> list[datetime.date]:
    """The first days of the last ``months`` ended months, newest first."""
    today = today or timezone.localdate()
    periods = []
    period = previous_month(month_start(today))
    for _index in range(months):
        periods.append(period)
        period = previous_month(period)
    return periods


def is_closed_period_of(contract: Contract, period: datetime.date, *, today: datetime.date | None = None) -> bool:
    """Whether ``period`` is a month that has ended and that falls within the contract's term."""
    today = today or timezone.localdate()
    if period.day != 1 or period >= month_start(today):
        return False
    if period < month_start(contract.start_date):
        return False
    return contract.end_date is None or period <= contract.end_date


def invoice_for(contract: Contract, period: datetime.date) -> Invoice | None:
    """The period's invoice: a cancelled one only when there is no other."""
    invoices = list(Invoice.objects.filter(contract=contract, period=period))
    return _best_invoice(invoices)


def _best_invoice(invoices: list[Invoice]) -> Invoice | None:
    live = [invoice for invoice in invoices if invoice.status != Invoice.Status.CANCELLED]
    candidates = sorted(live or invoices, key=lambda invoice: invoice.number)
    return candidates[0] if candidates else None


@dataclass(frozen=True)
class PeriodRow:
    contract: Contract
    period: datetime.date
    invoice: Invoice | None
    record: Attestation | None
    can_manage: bool

    @property
    def pending(self) -> bool:
        return self.record is None


@dataclass(frozen=True)
class ContractHistory:
    contract: Contract
    can_manage: bool
    rows: list[PeriodRow]

    @property
    def pending_count(self) -> int:
        return sum(1 for row in self.rows if row.pending)


def attestation_page(user, *, today: datetime.date | None = None) -> list[ContractHistory]:
    """Per contract of the user's companies: its pending closed periods (newest first), then its
    attestations and contests (newest first). Four queries whatever the number of rows."""
    today = today or timezone.localdate()
    periods = closed_periods(today=today)
    window_start = periods[-1]
    contracts = list(
        visible_contracts(user).select_related("organization", "product").order_by("organization__legal_name", "number")
    )
    if not contracts:
        return []
    managed = managed_organization_ids(user)
    invoices: dict[tuple[int, datetime.date], list[Invoice]] = {}
    for invoice in Invoice.objects.filter(contract__in=contracts, period__gte=window_start):
        invoices.setdefault((invoice.contract_id, invoice.period), []).append(invoice)
    records: dict[int, list[Attestation]] = {}
    for record in Attestation.objects.of_contracts(contracts).select_related("ticket", "invoice").order_by("-period"):
        records.setdefault(record.contract_id, []).append(record)

    histories = []
    for contract in contracts:
        manager = contract.organization_id in managed
        recorded = {record.period: record for record in records.get(contract.pk, [])}
        pending = [
            PeriodRow(contract, period, _best_invoice(invoices.get((contract.pk, period), [])), None, manager)
            for period in periods
            if period not in recorded and is_closed_period_of(contract, period, today=today)
        ]
        done = [
            PeriodRow(contract, record.period, record.invoice, record, manager)
            for record in records.get(contract.pk, [])
        ]
        if pending or done:
            histories.append(ContractHistory(contract, manager, pending + done))
    return histories


def pending_periods(contracts: QuerySet[Contract], *, today: datetime.date | None = None) -> list[PeriodRow]:
    """Closed periods of the last ``WINDOW_MONTHS`` without a record, for staff (three queries)."""
    today = today or timezone.localdate()
    periods = closed_periods(today=today)
    contracts = list(contracts.select_related("organization", "product").order_by("organization__legal_name", "number"))
    recorded = set(
        Attestation.objects.of_contracts(contracts).filter(period__gte=periods[-1]).values_list("contract_id", "period")
    )
    invoices: dict[tuple[int, datetime.date], list[Invoice]] = {}
    for invoice in Invoice.objects.filter(contract__in=contracts, period__gte=periods[-1]):
        invoices.setdefault((invoice.contract_id, invoice.period), []).append(invoice)
    return [
        PeriodRow(contract, period, _best_invoice(invoices.get((contract.pk, period), [])), None, False)
        for contract in contracts
        for period in periods
        if (contract.pk, period) not in recorded and is_closed_period_of(contract, period, today=today)
    ]
