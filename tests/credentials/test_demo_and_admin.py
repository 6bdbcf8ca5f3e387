import io

import pytest
from django.core.management import call_command

from credentials import services
from credentials.demo import PUBLISHED_CONSUMER_KEY, PUBLISHED_SECRET
from credentials.models import ApiCredential, CredentialEvent
from tests.credentials.factories import ApiCredentialFactory
from tests.factories import UserFactory
from tests.two_factor import staff_client

pytestmark = pytest.mark.django_db


def _seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def test_demo_has_keys_with_a_history_and_the_published_key_works():
    output = _seed()
    assert "  credentials: " in output
    published = ApiCredential.objects.get(consumer_key=PUBLISHED_CONSUMER_KEY)
    assert published.contract.organization.trade_name == "Banco Horizonte"
    assert published.secret_hash == services.hash_secret(PUBLISHED_SECRET)
    assert services.token_issue(consumer_key=PUBLISHED_CONSUMER_KEY, consumer_secret=PUBLISHED_SECRET) is not None
    assert ApiCredential.objects.filter(revoked_at__isnull=False).count() == 1
    assert ApiCredential.objects.filter(previous_secret_valid_until__isnull=False).count() == 1
    assert ApiCredential.objects.filter(last_used_at__isnull=True).exists()
    assert set(CredentialEvent.objects.values_list("action", flat=True)) == {"criada", "renovada", "revogada"}
    assert ApiCredential.objects.values("contract__organization").distinct().count() == 3

    counts = (ApiCredential.objects.count(), CredentialEvent.objects.count())
    published.revoked_at = published.created_at
    published.save()
    _seed()
    assert (ApiCredential.objects.count(), CredentialEvent.objects.count()) == counts
    assert services.token_issue(consumer_key=PUBLISHED_CONSUMER_KEY, consumer_secret=PUBLISHED_SECRET) is not None


@pytest.fixture
def admin_client_2fa():
    return staff_client(UserFactory(is_staff=True, is_superuser=True, name="Joana Equipe"))


def test_staff_list_keys_without_secrets_nor_hashes(admin_client_2fa):
    credential = ApiCredentialFactory(name="Sistema de cobrança", previous_secret_hash="f" * 64)
    response = admin_client_2fa.get("/admin/credentials/apicredential/?situacao=em-uso")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sistema de cobrança" in html
    assert credential.secret_hash not in html
    detail = admin_client_2fa.get(f"/admin/credentials/apicredential/{credential.pk}/change/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert credential.consumer_key in page
    assert credential.secret_hash not in page
    assert "f" * 64 not in page
    assert 'name="name"' not in page
    assert admin_client_2fa.get("/admin/credentials/apicredential/add/").status_code == 403
    assert admin_client_2fa.post(f"/admin/credentials/apicredential/{credential.pk}/delete/").status_code == 403


def test_staff_revoke_through_the_action_and_it_is_audited(admin_client_2fa):
    credential = ApiCredentialFactory(name="Vazada")
    response = admin_client_2fa.post(
        "/admin/credentials/apicredential/",
        {"action": "revoke", "_selected_action": [credential.pk]},
        follow=True,
    )
    assert "1 chave revogada." in response.content.decode()
    credential.refresh_from_db()
    assert credential.revoked_at is not None
    event = CredentialEvent.objects.get()
    assert (event.action, event.actor_name, event.by_staff) == ("revogada", "Joana Equipe", True)


def test_staff_read_the_trail_with_filters_read_only(admin_client_2fa):
    credential = ApiCredentialFactory(name="Produção")
    CredentialEvent.objects.create(
        organization=credential.contract.organization, credential=credential, action="criada", actor_name="Ana"
    )
    response = admin_client_2fa.get("/admin/credentials/credentialevent/?action__exact=criada&by_staff__exact=0")
    assert response.status_code == 200
    assert "Produção" in response.content.decode()
    assert admin_client_2fa.get("/admin/credentials/credentialevent/add/").status_code == 403
    event = CredentialEvent.objects.get()
    assert admin_client_2fa.post(f"/admin/credentials/credentialevent/{event.pk}/delete/").status_code == 403
