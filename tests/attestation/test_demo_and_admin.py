import io

import pytest
from django.core.management import call_command

from attestation.models import Attestation
from attestation.selectors import closed_periods
from portal.models import Membership, Organization
from tests.attestation.factories import AttestationFactory
from tests.factories import ContractFactory, MembershipFactory, UserFactory
from tests.two_factor import staff_client
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def test_demo_attests_most_months_leaves_some_pending_and_contests_one_with_its_ticket():
    output = _seed()
    assert "  attestation: " in output
    contested = Attestation.objects.get(kind="contestado")
    assert contested.ticket.subject.slug == "gestao-contratual"
    for organization in Organization.objects.filter(memberships__role=Membership.Role.MANAGER).distinct():
        assert Attestation.objects.filter(contract__organization=organization).count() >= 6
    counts = (Attestation.objects.count(), Ticket.objects.count())
    _seed()
    assert (Attestation.objects.count(), Ticket.objects.count()) == counts


@pytest.fixture
def admin_client_2fa():
    return staff_client(UserFactory(is_staff=True, is_superuser=True))


def test_staff_list_records_read_only(admin_client_2fa):
    record = AttestationFactory(declarant_name="Ana Paula Souza")
    response = admin_client_2fa.get("/admin/attestation/attestation/?kind__exact=atestado")
    assert response.status_code == 200
    html = response.content.decode()
    assert record.contract.number in html
    assert "Períodos pendentes" in html
    assert admin_client_2fa.get("/admin/attestation/attestation/add/").status_code == 403
    detail = admin_client_2fa.get(f"/admin/attestation/attestation/{record.pk}/change/")
    assert detail.status_code == 200
    assert 'name="declarant_name"' not in detail.content.decode()
    assert admin_client_2fa.post(f"/admin/attestation/attestation/{record.pk}/delete/").status_code == 403


def test_staff_see_pending_periods_of_companies_with_members(admin_client_2fa):
    contract = ContractFactory(start_date=closed_periods()[-1].replace(year=closed_periods()[-1].year - 1))
    MembershipFactory(organization=contract.organization, role="gestor")
    AttestationFactory(contract=contract, period=closed_periods()[0])
    response = admin_client_2fa.get("/admin/attestation/attestation/pendentes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "11 períodos pendentes" in html
    assert f"{closed_periods()[1]:%m/%Y}" in html
    assert f"<td>{closed_periods()[0]:%m/%Y}</td>" not in html
