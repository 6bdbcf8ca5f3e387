import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from billing.models import Invoice
from portal.models import Contract

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def test_seed_demo_gives_every_contract_monthly_invoices_within_its_term_and_is_idempotent():
    output = _seed()
    assert "  billing: " in output
    count = Invoice.objects.count()
    assert count > Contract.objects.count() * 6
    for contract in Contract.objects.annotate(invoices_count=Count("invoices")):
        assert 1 <= contract.invoices_count <= 24
        assert not contract.invoices.filter(period__lt=contract.start_date.replace(day=1)).exists()
    statuses = set(Invoice.objects.values_list("status", flat=True))
    assert statuses == {"aberta", "paga", "cancelada"}
    assert Invoice.objects.exclude(nota_fiscal="").exists()
    _seed()
    assert Invoice.objects.count() == count
