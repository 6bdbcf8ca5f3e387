"""Business-hours arithmetic for due dates: Monday to Friday, 8h to 18h, São Paulo time."""

import datetime
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("America/Sao_Paulo")
DAY_START = datetime.time(8)
DAY_END = datetime.time(18)

#: Until staff set a policy per product and priority, the first reply is due in 2 business days.
DEFAULT_RESPONSE_HOURS = 20


def _next_opening(moment: datetime.datetime) -> datetime.datetime:
    """The moment itself when it falls within business hours, else the next opening time."""
    while True:
        start = moment.replace(hour=DAY_START.hour, minute=0, second=0, microsecond=0)
        end = moment.replace(hour=DAY_END.hour, minute=0, second=0, microsecond=0)
        if moment.weekday() < 5 and moment < end:
            return max(moment, start)
        moment = (moment + datetime.timedelta(days=1)).replace(hour=DAY_START.hour, minute=0, second=0, microsecond=0)


def add_business_hours(start: datetime.datetime, hours: float) -> datetime.datetime:
    """``start`` plus ``hours`` counted only within business hours; returned in the same time zone as given."""
    remaining = datetime.timedelta(hours=hours)
    moment = _next_opening(start.astimezone(BUSINESS_TZ))
    while True:
        end = moment.replace(hour=DAY_END.hour, minute=0, second=0, microsecond=0)
        if moment + remaining <= end:
            return (moment + remaining).astimezone(start.tzinfo)
        remaining -= end - moment
        moment = _next_opening(end + datetime.timedelta(microseconds=1))
