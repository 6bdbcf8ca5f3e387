import datetime

import pytest

from tickets.sla import BUSINESS_TZ, add_business_hours


def at(day, hour, minute=0):
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=BUSINESS_TZ)


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        (at(23, 9), 2, at(23, 11)),  # Monday morning, same day
        (at(23, 17), 2, at(24, 9)),  # crosses the evening
        (at(23, 20), 1, at(24, 9)),  # after hours: counts from the next opening
        (at(27, 16), 4, at(30, 10)),  # Friday afternoon → Monday
        (at(28, 10), 1, at(30, 9)),  # Saturday → Monday
        (at(23, 9), 20, at(25, 9)),  # two business days
        (at(23, 7, 30), 1, at(23, 9)),  # before opening
    ],
)
def test_business_hours_skip_nights_and_weekends(start, hours, expected):
    assert add_business_hours(start, hours) == expected


def test_the_answer_keeps_the_callers_time_zone():
    start = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)  # 9h in São Paulo
    result = add_business_hours(start, 1)
    assert result.tzinfo == datetime.UTC
    assert result == datetime.datetime(2026, 11, 23, 13, tzinfo=datetime.UTC)


def test_holidays_are_skipped_like_weekends():
    christmas = {datetime.date(2026, 12, 25)}
    thursday_evening = datetime.datetime(2026, 12, 24, 17, tzinfo=BUSINESS_TZ)
    assert add_business_hours(thursday_evening, 2, christmas) == datetime.datetime(
        2026, 12, 28, 9, tzinfo=BUSINESS_TZ
    )  # Thursday 17h + 1h, Friday is Christmas, the weekend, then Monday 8h + 1h


@pytest.mark.django_db
def test_due_dates_use_the_holiday_calendar():
    from tickets.models import Holiday
    from tickets.sla import due_dates

    assert Holiday.objects.filter(date=datetime.date(2026, 12, 25), name="Natal").exists()  # from the migration
    opened = datetime.datetime(2026, 12, 24, 17, tzinfo=BUSINESS_TZ)
    response, _resolution = due_dates(opened_at=opened, product_id=None, subject_id=None, priority="urgente")
    assert response == datetime.datetime(2026, 12, 28, 11, tzinfo=BUSINESS_TZ)  # 4 business hours
