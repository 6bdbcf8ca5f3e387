"""The idempotency records in the admin (read-only) and their daily purge."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from api.models import IdempotencyRecord
from tests.factories import UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db


def record(company, key, *, expires_in):
    now = timezone.now()
    return IdempotencyRecord.objects.create(
        credential=company.credential,
        key=key,
        fingerprint="0" * 64,
        status=201,
        body={"protocol": "2026SS00001"},
        expires_at=now + expires_in,
    )


def test_staff_read_idempotency_records_but_cannot_change_them(company):
    kept = record(company, "pedido-visivel", expires_in=datetime.timedelta(hours=1))
    client = staff_client(UserFactory(is_staff=True, is_superuser=True))

    listing = client.get("/admin/api/idempotencyrecord/")
    page = client.get(f"/admin/api/idempotencyrecord/{kept.pk}/change/")

    assert listing.status_code == 200
    assert "pedido-visivel" in listing.content.decode()
    assert page.status_code == 200
    assert client.get("/admin/api/idempotencyrecord/add/").status_code == 403
    assert client.post(f"/admin/api/idempotencyrecord/{kept.pk}/change/", {"key": "outro"}).status_code == 403


def test_the_purge_forgets_only_expired_records(company):
    record(company, "velho", expires_in=-datetime.timedelta(seconds=1))
    record(company, "novo", expires_in=datetime.timedelta(hours=1))
    out = StringIO()

    call_command("purge_idempotency_records", stdout=out)

    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["novo"]
    assert "1 expired" in out.getvalue()
