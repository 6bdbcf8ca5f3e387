import pytest

from tests.factories import UserFactory
from tests.two_factor import staff_client
from tests.usage.factories import UsageAllowanceFactory, UsageRecordFactory

pytestmark = pytest.mark.django_db


def test_staff_maintain_allowances_and_usage_in_the_admin():
    allowance = UsageAllowanceFactory(unit="consultas")
    record = UsageRecordFactory(contract=allowance.contract, quantity=4321)
    client = staff_client(UserFactory(is_staff=True, is_superuser=True))
    for url in [
        "/admin/usage/usageallowance/",
        f"/admin/usage/usageallowance/{allowance.pk}/change/",
        "/admin/usage/usagerecord/",
        f"/admin/usage/usagerecord/{record.pk}/change/",
        "/admin/usage/usagerecord/add/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "4321" in client.get("/admin/usage/usagerecord/").content.decode()
