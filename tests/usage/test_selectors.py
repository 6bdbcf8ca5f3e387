import datetime

import pytest

from tests.factories import ContractFactory
from tests.usage.factories import UsageAllowanceFactory, UsageRecordFactory
from usage.selectors import monthly_usage, period_months, visible_contracts

pytestmark = pytest.mark.django_db


def test_the_period_ends_with_the_current_month():
    months = period_months(months=12, today=datetime.date(2026, 3, 10))
    assert months[0] == datetime.date(2025, 4, 1)
    assert months[-1] == datetime.date(2026, 3, 1)
    assert len(period_months(months=24, today=datetime.date(2026, 1, 31))) == 24


def test_sums_per_month_with_the_same_month_of_last_year_and_the_allowance():
    contract = ContractFactory()
    UsageAllowanceFactory(contract=contract, monthly_quantity=500)
    for day, quantity in [
        (datetime.date(2026, 2, 1), 200),
        (datetime.date(2026, 2, 28), 400),  # February 2026: 600, above 500
        (datetime.date(2025, 2, 14), 300),  # February 2025: 300 → +100%
        (datetime.date(2026, 1, 31), 500),  # January 2026: exactly the allowance, not above
        (datetime.date(2024, 2, 1), 9_999),  # older than any compared month
        (datetime.date(2026, 4, 1), 9_999),  # after today
    ]:
        UsageRecordFactory(contract=contract, day=day, quantity=quantity)
    [usage] = monthly_usage([contract], months=12, today=datetime.date(2026, 3, 10))
    by_month = {month.month: month for month in usage.months}
    february = by_month[datetime.date(2026, 2, 1)]
    assert (february.quantity, february.previous_year, february.variation) == (600, 300, 100)
    assert february.above_allowance
    assert not by_month[datetime.date(2026, 1, 1)].above_allowance
    assert usage.total == 1_100
    assert usage.months_above_allowance == 1


def test_the_current_month_is_compared_with_the_same_days_of_last_year():
    contract = ContractFactory()
    UsageRecordFactory(contract=contract, day=datetime.date(2026, 3, 5), quantity=100)
    UsageRecordFactory(contract=contract, day=datetime.date(2025, 3, 10), quantity=80)
    UsageRecordFactory(contract=contract, day=datetime.date(2025, 3, 11), quantity=1_000)  # after "today" last year
    UsageRecordFactory(contract=contract, day=datetime.date(2024, 4, 11), quantity=700)
    [usage] = monthly_usage([contract], months=12, today=datetime.date(2026, 3, 10))
    current = usage.months[-1]
    assert current.partial_until == datetime.date(2026, 3, 10)
    assert (current.quantity, current.previous_year, current.variation) == (100, 80, 25)
    assert usage.months[0].previous_year == 700  # a whole month where the month is whole


def test_only_the_contracts_of_the_users_companies_are_visible(django_user_model):
    from tests.factories import MembershipFactory, UserFactory

    user = UserFactory()
    mine = ContractFactory()
    MembershipFactory(user=user, organization=mine.organization)
    ContractFactory()
    assert list(visible_contracts(user)) == [mine]
