import io

import pytest

import consent.demo
import helpcenter.demo
import portal.demo
from consent.models import Consent, ConsentEvent, RfbDataUse
from portal.models import Contract
from tests.consent.factories import ConsentEventFactory, RfbDataUseFactory
from tests.factories import UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db


def _seed() -> str:
    """The demo modules this one builds on, then this one, in seed_demo's order (INSTALLED_APPS)."""
    out = io.StringIO()
    for module in (helpcenter.demo, portal.demo, consent.demo):
        module.seed(out)
    return out.getvalue()


def test_demo_marks_the_products_and_leaves_a_history_with_a_grant_a_revocation_and_a_missing_consent():
    output = _seed()
    assert "  consent: " in output
    assert set(RfbDataUse.objects.values_list("product__slug", flat=True)) == {
        "consulta-cpf",
        "consulta-cnpj",
        "datavalid",
    }
    revoked = Consent.objects.get(granted=False)
    assert revoked.product.slug == "datavalid"
    assert revoked.last_event.action == "revogado"
    assert revoked.organization.cnpj == "07864215000108"
    assert Consent.objects.filter(granted=True).count() == 4
    # Nova Rota's Datavalid, in force, was never authorised: its warning shows.
    never = Contract.objects.get(number="CT-2026/00020")
    assert not Consent.objects.filter(organization=never.organization, product=never.product).exists()
    counts = (RfbDataUse.objects.count(), ConsentEvent.objects.count(), Consent.objects.count())
    _seed()
    assert (RfbDataUse.objects.count(), ConsentEvent.objects.count(), Consent.objects.count()) == counts


@pytest.fixture
def admin_client_2fa():
    return staff_client(UserFactory(is_staff=True, is_superuser=True))


def test_staff_edit_which_products_read_rfb_data(admin_client_2fa):
    use = RfbDataUseFactory(description="Lê o CPF.")
    response = admin_client_2fa.get(f"/admin/consent/rfbdatause/{use.pk}/change/")
    assert response.status_code == 200
    assert 'name="description"' in response.content.decode()
    response = admin_client_2fa.post(
        f"/admin/consent/rfbdatause/{use.pk}/change/",
        {"product": use.product.pk, "description": "Lê o CPF e o nome."},
    )
    assert response.status_code == 302
    use.refresh_from_db()
    assert use.description == "Lê o CPF e o nome."


def test_staff_read_the_history_and_the_state_without_changing_them(admin_client_2fa):
    event = ConsentEventFactory(actor_name="Ana Paula Souza", reason="Validação de clientes.")
    response = admin_client_2fa.get("/admin/consent/consentevent/?action__exact=concedido")
    assert response.status_code == 200
    assert "Ana Paula Souza" in response.content.decode()
    assert admin_client_2fa.get("/admin/consent/consentevent/add/").status_code == 403
    detail = admin_client_2fa.get(f"/admin/consent/consentevent/{event.pk}/change/")
    assert detail.status_code == 200
    assert 'name="reason"' not in detail.content.decode()
    assert admin_client_2fa.post(f"/admin/consent/consentevent/{event.pk}/delete/").status_code == 403
    response = admin_client_2fa.get("/admin/consent/consent/?granted__exact=1")
    assert response.status_code == 200
    assert event.product.name in response.content.decode()
    assert admin_client_2fa.get("/admin/consent/consent/add/").status_code == 403
