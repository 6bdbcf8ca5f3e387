"""What usage a person may see, and its monthly sums. Every page and download of the app reads through here.

A gestor and a membro of a company both see the usage of all the company's contracts; nobody
sees another company's. Monthly sums are computed in PostgreSQL (TruncMonth + Sum) in one query
over the period and the twelve months before it, so the page's cost does not grow with the rows.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext

from portal.models import Contract
from usage.models import UsageRecord

PERIODS = (12, 24)
DEFAULT_PERIOD = 12


def visible_contracts(user):
    """The contracts whose usage ``user`` may see: those of the companies they belong to."""
    return (
        Contract.objects.of_user(user)
        .select_related("organization", "product", "usage_allowance")
        .order_by("organization__legal_name", "number")
    )


def add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_months(*, months: int, today: datetime.date) -> list[datetime.date]:
    """The first day of each month of the period, oldest first, ending with the current month."""
    current = today.replace(day=1)
    return [add_months(current, offset) for offset in range(-(months - 1), 1)]


@dataclass(frozen=True)
class MonthUsage:
    month: datetime.date
    quantity: int
    previous_year: int
    allowance: int | None
    #: The current month, counted up to today; ``previous_year`` then counts the same days.
    partial_until: datetime.date | None = None

    @property
    def above_allowance(self) -> bool:
        return self.allowance is not None and self.quantity > self.allowance

    @property
    def variation(self) -> Decimal | None:
        """Change from the same month of the previous year, in percent (one decimal); None without a base."""
        if not self.previous_year:
            return None
        change = Decimal(self.quantity - self.previous_year) * 100 / Decimal(self.previous_year)
        return change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class ContractUsage:
    contract: Contract
    months: list[MonthUsage] = field(default_factory=list)

    @property
    def unit(self) -> str:
        allowance = getattr(self.contract, "usage_allowance", None)
        return allowance.unit if allowance else gettext("chamadas de API")

    @property
    def allowance(self) -> int | None:
        allowance = getattr(self.contract, "usage_allowance", None)
        return allowance.monthly_quantity if allowance else None

    @property
    def total(self) -> int:
        return sum(month.quantity for month in self.months)

    @property
    def months_above_allowance(self) -> int:
        return sum(month.above_allowance for month in self.months)

    @property
    def peak(self) -> MonthUsage | None:
        return max(self.months, key=lambda month: month.quantity, default=None)


def monthly_sums(contract_ids: list[int], *, start: datetime.date, end: datetime.date, to_day: int = 31):
    """Rows of (contract_id, month, total, total_to_day) for days in [start, end): one GROUP BY over the
    (contract, day) index. ``total_to_day`` counts only the days of the month up to ``to_day``."""
    return (
        UsageRecord.objects.filter(contract__in=contract_ids, day__gte=start, day__lt=end)
        .annotate(month=TruncMonth("day"))
        .values("contract_id", "month")
        .annotate(total=Sum("quantity"), total_to_day=Sum("quantity", filter=Q(day__day__lte=to_day)))
        .order_by()
    )


def monthly_usage(contracts, *, months: int, today: datetime.date | None = None) -> list[ContractUsage]:
    """Each contract's usage per month of the period, beside the same month of the year before.

    ``contracts`` is a list of contracts already scoped by ``visible_contracts``; one query reads
    the sums of all of them.
    """
    today = today or timezone.localdate()
    period = period_months(months=months, today=today)
    start = add_months(period[0], -12)
    end = add_months(period[-1], 1)
    rows = monthly_sums([contract.pk for contract in contracts], start=start, end=end, to_day=today.day)
    sums, sums_to_day = {}, {}
    for row in rows:
        sums[row["contract_id"], row["month"]] = row["total"]
        sums_to_day[row["contract_id"], row["month"]] = row["total_to_day"] or 0
    current = period[-1]
    result = []
    for contract in contracts:
        usage = ContractUsage(contract=contract)
        for month in period:
            usage.months.append(
                MonthUsage(
                    month=month,
                    quantity=sums.get((contract.pk, month), 0),
                    # The current month so far against the same days of last year's month.
                    previous_year=(sums_to_day if month == current else sums).get(
                        (contract.pk, add_months(month, -12)), 0
                    ),
                    allowance=usage.allowance,
                    partial_until=today if month == current else None,
                )
            )
        result.append(usage)
    return result
