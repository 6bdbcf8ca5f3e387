"""Which invoices a person sees: those of the contracts of their companies, gestor or membro alike.

Every page and download of this app starts from ``visible_invoices``; an invoice of another
company is simply not there (404).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from billing.models import Invoice
from portal.models import Contract

ZERO = Decimal("0.00")


def visible_invoices(user) -> QuerySet[Invoice]:
    """The one scope of this app."""
    if not user.is_authenticated:
        return Invoice.objects.none()
    return Invoice.objects.of_user(user)


def visible_contracts(user) -> QuerySet[Contract]:
    """The contracts the list may be filtered by."""
    if not user.is_authenticated:
        return Contract.objects.none()
    return Contract.objects.of_user(user)


@dataclass(frozen=True)
class Totals:
    open_amount: Decimal
    open_count: int
    overdue_amount: Decimal
    overdue_count: int


def totals(invoices: QuerySet[Invoice], *, today: datetime.date | None = None) -> Totals:
    """What is still to be paid, split into open (not yet due) and overdue, in one query."""
    today = today or timezone.localdate()
    overdue = Invoice.objects.overdue_q(today)
    open_not_due = Q(status=Invoice.Status.OPEN, due_date__gte=today)
    result = invoices.order_by().aggregate(
        open_amount=Coalesce(Sum("amount", filter=open_not_due), ZERO),
        open_count=Count("pk", filter=open_not_due),
        overdue_amount=Coalesce(Sum("amount", filter=overdue), ZERO),
        overdue_count=Count("pk", filter=overdue),
    )
    return Totals(**result)


def recent_periods(*, today: datetime.date | None = None, months: int = 24) -> list[datetime.date]:
    """The first days of the last ``months`` months, newest first: the period filter's choices."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    periods = []
    for _index in range(months):
        periods.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return periods
