"""Chaves de Acesso's writes and the token exchange: who may, what each leaves behind, what stops working."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from credentials import services
from credentials.models import AccessToken, ApiCredential, CredentialEvent
from tests.credentials.factories import SECRET, AccessTokenFactory, ApiCredentialFactory
from tests.factories import ContractFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contract():
    return ContractFactory(number="CT-2024/00113")


@pytest.fixture
def gestor(contract):
    return MembershipFactory(organization=contract.organization, role="gestor", user__name="Ana Paula Souza").user


def test_create_returns_the_secret_once_and_stores_only_its_hash(gestor, contract):
    credential, secret = services.credential_create(user=gestor, contract=contract, name="  Sistema   de cobrança ")
    credential.refresh_from_db()
    assert credential.name == "Sistema de cobrança"
    assert len(secret) >= 43
    assert credential.secret_hash == services.hash_secret(secret)
    assert secret not in {field.value_to_string(credential) for field in ApiCredential._meta.fields}
    assert (credential.created_by, credential.contract) == (gestor, contract)
    event = CredentialEvent.objects.get()
    assert (event.action, event.actor, event.actor_name, event.organization_id, event.by_staff) == (
        "criada",
        gestor,
        "Ana Paula Souza",
        contract.organization_id,
        False,
    )


def test_only_a_gestor_of_the_contracts_company_creates_rotates_or_revokes(contract):
    membro = MembershipFactory(organization=contract.organization, role="membro").user
    outsider_gestor = MembershipFactory(role="gestor").user
    credential = ApiCredentialFactory(contract=contract)
    for user in [membro, outsider_gestor, UserFactory(is_staff=True)]:
        with pytest.raises(PermissionDenied):
            services.credential_create(user=user, contract=contract, name="X")
        with pytest.raises(PermissionDenied):
            services.credential_rotate(user=user, credential=credential)
        with pytest.raises(PermissionDenied):
            services.credential_revoke(user=user, credential=credential)
    assert ApiCredential.objects.count() == 1
    assert not CredentialEvent.objects.exists()


def test_a_blank_name_is_refused(gestor, contract):
    with pytest.raises(ValidationError) as error:
        services.credential_create(user=gestor, contract=contract, name="   ")
    assert error.value.code == "name"


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "encerrado"},
        {"status": "suspenso"},
        {"end_date": datetime.date.today() - datetime.timedelta(days=1)},
        {"start_date": datetime.date.today() + datetime.timedelta(days=1)},
    ],
)
def test_only_a_contract_in_force_gets_keys(fields):
    contract = ContractFactory(**fields)
    gestor = MembershipFactory(organization=contract.organization, role="gestor").user
    with pytest.raises(ValidationError) as error:
        services.credential_create(user=gestor, contract=contract, name="Produção")
    assert error.value.code == "contract"
    assert not ApiCredential.objects.exists()


def test_a_sixth_key_in_use_is_refused_but_revoked_keys_do_not_count(gestor, contract):
    ApiCredentialFactory.create_batch(4, contract=contract)
    ApiCredentialFactory(contract=contract, revoked_at=timezone.now())
    services.credential_create(user=gestor, contract=contract, name="Quinta")
    with pytest.raises(ValidationError) as error:
        services.credential_create(user=gestor, contract=contract, name="Sexta")
    assert error.value.code == "limit"
    assert "5 chaves ativas" in error.value.messages[0]


def test_token_issue_gives_a_30_minute_token_and_records_the_use(contract):
    credential = ApiCredentialFactory(contract=contract)
    issued = services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET)
    assert issued.expires_in == 1800
    token = AccessToken.objects.get()
    assert token.token_hash == services.hash_secret(issued.access_token)
    assert token.expires_at - token.created_at == datetime.timedelta(minutes=30)
    credential.refresh_from_db()
    assert credential.last_used_at is not None
    assert services.credential_for_token(issued.access_token) == credential


@pytest.mark.parametrize(
    ("key", "secret"),
    [("chave-certa", "errado"), ("chave-errada", SECRET), ("", SECRET), ("chave-certa", ""), ("x" * 65, SECRET)],
)
def test_token_issue_refuses_a_wrong_key_or_secret(contract, key, secret):
    ApiCredentialFactory(contract=contract, consumer_key="chave-certa")
    assert services.token_issue(consumer_key=key, consumer_secret=secret) is None
    assert not AccessToken.objects.exists()


def test_after_rotation_both_secrets_work_until_the_grace_ends(gestor, contract, monkeypatch):
    credential = ApiCredentialFactory(contract=contract)
    new = services.credential_rotate(user=gestor, credential=credential)
    credential.refresh_from_db()
    assert credential.previous_secret_valid_until - credential.rotated_at == services.ROTATION_GRACE
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET) is not None
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=new) is not None
    assert CredentialEvent.objects.get().action == "renovada"

    later = timezone.now() + services.ROTATION_GRACE + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET) is None
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=new) is not None


def test_rotating_twice_ends_the_oldest_secret_at_once(gestor, contract):
    credential = ApiCredentialFactory(contract=contract)
    second = services.credential_rotate(user=gestor, credential=credential)
    third = services.credential_rotate(user=gestor, credential=credential)
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET) is None
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=second) is not None
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=third) is not None


def test_revoking_kills_the_secrets_and_the_tokens_at_once(gestor, contract):
    credential = ApiCredentialFactory(contract=contract)
    services.credential_rotate(user=gestor, credential=credential)
    issued = services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET)
    services.credential_revoke(user=gestor, credential=credential)
    credential.refresh_from_db()
    assert credential.revoked_at is not None
    assert credential.previous_secret_hash == ""
    assert services.credential_for_token(issued.access_token) is None
    assert not AccessToken.objects.exists()
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET) is None
    assert [event.action for event in CredentialEvent.objects.all()] == ["revogada", "renovada"]
    with pytest.raises(ValidationError):
        services.credential_rotate(user=gestor, credential=credential)
    services.credential_revoke(user=gestor, credential=credential)  # again: nothing more happens
    assert CredentialEvent.objects.count() == 2


def test_an_expired_token_is_refused_and_purged(contract):
    credential = ApiCredentialFactory(contract=contract)
    issued = services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET)
    fresh = AccessTokenFactory(credential=credential)
    AccessToken.objects.exclude(pk=fresh.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert services.credential_for_token(issued.access_token) is None
    assert services.tokens_purge() == 1
    assert list(AccessToken.objects.all()) == [fresh]


def test_a_key_of_an_ended_contract_stops_working(contract):
    credential = ApiCredentialFactory(contract=contract)
    issued = services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET)
    contract.status = "encerrado"
    contract.save()
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET) is None
    assert services.credential_for_token(issued.access_token) is None
    gestor = MembershipFactory(organization=contract.organization, role="gestor").user
    with pytest.raises(ValidationError) as error:
        services.credential_rotate(user=gestor, credential=credential)
    assert error.value.code == "contract"


def test_staff_revocation_is_audited_as_the_teams(contract):
    staff = UserFactory(is_staff=True, name="Joana Equipe")
    credential = ApiCredentialFactory(contract=contract)
    services.credential_revoke_by_staff(staff_user=staff, credential=credential)
    event = CredentialEvent.objects.get()
    assert (event.action, event.actor, event.actor_name, event.by_staff) == ("revogada", staff, "Joana Equipe", True)
    with pytest.raises(PermissionDenied):
        services.credential_revoke_by_staff(staff_user=UserFactory(), credential=ApiCredentialFactory())


def test_purge_command_reports_what_it_deleted(contract):
    from io import StringIO

    from django.core.management import call_command

    AccessTokenFactory(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    out = StringIO()
    call_command("purge_api_tokens", stdout=out)
    assert "1 expired API token(s) deleted." in out.getvalue()
    assert not AccessToken.objects.exists()
