import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from portal.models import Contract
from usage.models import UsageAllowance, UsageRecord

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def test_seed_demo_gives_every_contract_an_allowance_and_daily_history_within_its_term():
    output = _seed()
    assert "  usage: " in output
    assert UsageAllowance.objects.count() == Contract.objects.count()
    assert UsageRecord.objects.count() > 6_000
    for contract in Contract.objects.annotate(days=Count("usage_records")):
        records = UsageRecord.objects.filter(contract=contract)
        assert not records.filter(day__lt=contract.start_date).exists()
        if contract.end_date:
            assert not records.filter(day__gt=contract.end_date).exists()
    # Some months go over their allowance, so the page has something to mark.
    assert UsageAllowance.objects.exclude(monthly_quantity=None).exists()


def test_seeding_usage_twice_changes_nothing():
    _seed()
    first = list(UsageRecord.objects.order_by("contract", "day").values_list("contract", "day", "quantity"))
    _seed()
    assert list(UsageRecord.objects.order_by("contract", "day").values_list("contract", "day", "quantity")) == first
