"""Business-hours arithmetic for due dates: Monday to Friday, 8h to 18h, São Paulo time."""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q

BUSINESS_TZ = ZoneInfo("America/Sao_Paulo")
DAY_START = datetime.time(8)
DAY_END = datetime.time(18)

#: Business hours (first response, resolution) per priority when no SlaPolicy applies.
DEFAULT_HOURS = {
    "urgente": (4, 16),
    "alta": (8, 40),
    "normal": (20, 80),
    "baixa": (40, 160),
}
#: A normal ticket's first reply is due in 2 business days.
DEFAULT_RESPONSE_HOURS = DEFAULT_HOURS["normal"][0]


def _next_opening(moment: datetime.datetime, holidays=frozenset()) -> datetime.datetime:
    """The moment itself when it falls within business hours, else the next opening time."""
    while True:
        start = moment.replace(hour=DAY_START.hour, minute=0, second=0, microsecond=0)
        end = moment.replace(hour=DAY_END.hour, minute=0, second=0, microsecond=0)
        if moment.weekday() < 5 and moment.date() not in holidays and moment < end:
            return max(moment, start)
        moment = (moment + datetime.timedelta(days=1)).replace(hour=DAY_START.hour, minute=0, second=0, microsecond=0)


def _closing(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(hour=DAY_END.hour, minute=0, second=0, microsecond=0)


def add_business_time(
    start: datetime.datetime, duration: datetime.timedelta, holidays=frozenset()
) -> datetime.datetime:
    """``start`` plus ``duration`` counted only within business hours (skipping ``holidays``, a set
    of dates); returned in the same time zone as given."""
    remaining = duration
    moment = _next_opening(start.astimezone(BUSINESS_TZ), holidays)
    while True:
        end = _closing(moment)
        if moment + remaining <= end:
            return (moment + remaining).astimezone(start.tzinfo)
        remaining -= end - moment
        moment = _next_opening(end + datetime.timedelta(microseconds=1), holidays)


def add_business_hours(start: datetime.datetime, hours: float, holidays=frozenset()) -> datetime.datetime:
    """``start`` plus ``hours`` business hours (see ``add_business_time``)."""
    return add_business_time(start, datetime.timedelta(hours=hours), holidays)


def business_time_between(start: datetime.datetime, end: datetime.datetime, holidays=frozenset()) -> datetime.timedelta:
    """How much of the time from ``start`` to ``end`` falls within business hours (skipping ``holidays``)."""
    total = datetime.timedelta()
    end = end.astimezone(BUSINESS_TZ)
    moment = _next_opening(start.astimezone(BUSINESS_TZ), holidays)
    while moment < end:
        closing = _closing(moment)
        total += min(closing, end) - moment
        moment = _next_opening(closing + datetime.timedelta(microseconds=1), holidays)
    return total


def policy_hours(*, product_id, subject_id, priority: str) -> tuple[int, int]:
    """(response, resolution) business hours: the product's or subject's policy, else the priority's, else defaults."""
    from tickets.models import SlaPolicy  # models imports this module: the cycle is broken here

    target = Q(product=None, subject=None)
    if product_id:
        target |= Q(product_id=product_id, subject=None)
    if subject_id:
        target |= Q(subject_id=subject_id, product=None)
    candidates = SlaPolicy.objects.filter(target, priority=priority)
    best = None
    for policy in candidates:
        specific = policy.product_id is not None or policy.subject_id is not None
        if best is None or specific:
            best = policy
    if best is None:
        return DEFAULT_HOURS.get(priority, DEFAULT_HOURS["normal"])
    return best.response_hours, best.resolution_hours


def holidays_after(day: datetime.date, *, days: int = 400) -> frozenset:
    """The holidays from ``day`` on, far enough for any deadline (one query)."""
    from tickets.models import Holiday

    until = day + datetime.timedelta(days=days)
    return frozenset(Holiday.objects.filter(date__gte=day, date__lte=until).values_list("date", flat=True))


def holidays_since(moment: datetime.datetime, *, until: datetime.datetime | None = None) -> frozenset:
    """The holidays from ``moment``'s day to far enough past ``until`` (or past ``moment``) for any deadline."""
    first = moment.astimezone(BUSINESS_TZ).date()
    last = (until or moment).astimezone(BUSINESS_TZ).date()
    return holidays_after(first, days=(last - first).days + 400)


def due_dates(*, opened_at: datetime.datetime, product_id, subject_id, priority: str):
    """(response due, resolution due) for a ticket opened at ``opened_at``."""
    response, resolution = policy_hours(product_id=product_id, subject_id=subject_id, priority=priority)
    holidays = holidays_after(opened_at.astimezone(BUSINESS_TZ).date())
    return add_business_hours(opened_at, response, holidays), add_business_hours(opened_at, resolution, holidays)
