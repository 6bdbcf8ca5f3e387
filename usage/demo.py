"""Demo usage: a monthly allowance for every contract and one usage row per contract and day.

36 months back from today (24 shown at most, and the 12 before them for the comparison), within
each contract's term: growing, with quieter weekends, a December dip and the odd busy month, so
some months go over the allowance. Deterministic (seeded by the contract's number) and
idempotent: a second run rewrites the same rows.
"""

import datetime
import random

from django.utils import timezone

from portal.models import Contract
from usage.models import UsageAllowance, UsageRecord
from usage.selectors import add_months

HISTORY_MONTHS = 36
UNITS = {
    "consulta-cpf": ("consultas", 4_000),
    "consulta-cnpj": ("consultas", 2_500),
    "consulta-nfe": ("consultas de notas", 6_000),
    "consulta-divida-ativa": ("consultas", 900),
    "datavalid": ("validações", 3_000),
    "biovalid": ("validações biométricas", 700),
    "serpro-id": ("assinaturas", 350),
    "escola-serpro-educa": ("acessos", 120),
}
DEFAULT_UNIT = ("chamadas de API", 1_500)


def _daily_usage(contract: Contract, first: datetime.date, last: datetime.date) -> list[UsageRecord]:
    rng = random.Random(contract.number)  # noqa: S311 (demo numbers, not secrets)
    _unit, base = UNITS.get(contract.product.slug, DEFAULT_UNIT)
    base *= rng.uniform(0.6, 1.4)
    busy_month = {rng.randrange(1, 13), rng.randrange(1, 13)}
    records = []
    day = first
    while day <= last:
        years = (day - first).days / 365
        level = base * (1 + 0.18 * years)
        if day.weekday() >= 5:
            level *= 0.35
        if day.month == 12:
            level *= 0.8
        if day.month in busy_month:
            level *= 1.3
        quantity = max(0, round(level * rng.uniform(0.8, 1.2)))
        records.append(UsageRecord(contract=contract, day=day, quantity=quantity))
        day += datetime.timedelta(days=1)
    return records


def _allowance(records: list[UsageRecord]) -> int:
    """About the typical month of the last year, rounded: the busy months go over it."""
    months: dict[tuple[int, int], int] = {}
    for record in records[-365:]:
        key = (record.day.year, record.day.month)
        months[key] = months.get(key, 0) + record.quantity
    totals = sorted(months.values())
    typical = totals[len(totals) * 2 // 3] if totals else 0
    return max(1_000, round(typical, -3))


def seed(stdout) -> None:
    today = timezone.localdate()
    window_start = add_months(today.replace(day=1), -(HISTORY_MONTHS - 1))
    total = 0
    contracts = Contract.objects.select_related("product").order_by("number")
    for contract in contracts:
        first = max(contract.start_date, window_start)
        last = min(contract.end_date or today, today)
        if contract.status == Contract.Status.SUSPENDED:
            last = min(last, today - datetime.timedelta(days=90))
        records = _daily_usage(contract, first, last) if first <= last else []
        UsageRecord.objects.bulk_create(
            records,
            batch_size=2_000,
            update_conflicts=True,
            unique_fields=["contract", "day"],
            update_fields=["quantity"],
        )
        unit, _base = UNITS.get(contract.product.slug, DEFAULT_UNIT)
        UsageAllowance.objects.update_or_create(
            contract=contract, defaults={"unit": unit, "monthly_quantity": _allowance(records) if records else None}
        )
        total += len(records)
    stdout.write(f"  usage: {total} daily usage rows and {len(contracts)} allowances, {HISTORY_MONTHS} months back")
