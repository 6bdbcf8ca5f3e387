"""Chaves de Acesso pages: who sees which keys, who may act, the secret shown once, and bad input."""

import datetime

import pytest
from django.utils import timezone

from credentials import services
from credentials.models import ApiCredential, CredentialEvent
from tests.budgets import max_queries
from tests.credentials.factories import SECRET, ApiCredentialFactory
from tests.factories import ContractFactory, MembershipFactory, OrganizationFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    return OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")


@pytest.fixture
def contract(company):
    return ContractFactory(organization=company, number="CT-2024/00113", product=ProductFactory(name="Datavalid"))


@pytest.fixture
def gestor(company):
    return MembershipFactory(organization=company, role="gestor", user__name="Ana Paula Souza").user


@pytest.fixture
def membro(company):
    return MembershipFactory(organization=company, role="membro").user


@pytest.fixture
def other_credential():
    return ApiCredentialFactory(contract=ContractFactory(number="CT-2024/00999"), name="Chave de outra empresa")


# The list ------------------------------------------------------------------------------------------


def test_chaves_requires_login(client):
    response = client.get("/chaves/")
    assert response.status_code == 302
    assert response["Location"].startswith("/entrar/")


def test_gestor_sees_the_keys_with_state_creator_and_last_use(client, contract, gestor, other_credential):
    now = timezone.now()
    ApiCredentialFactory(contract=contract, name="Produção", created_by=gestor, last_used_at=now)
    ApiCredentialFactory(
        contract=contract,
        name="Homologação",
        previous_secret_hash="x" * 64,
        previous_secret_valid_until=now + datetime.timedelta(hours=5),
    )
    ApiCredentialFactory(contract=contract, name="Antiga", revoked_at=now)
    client.force_login(gestor)
    html = client.get("/chaves/").content.decode()
    assert "CT-2024/00113" in html
    assert "Datavalid" in html
    assert "Produção" in html
    assert "por Ana Paula Souza em" in html
    assert "nunca usada" in html
    assert "segredo anterior válido até" in html
    assert html.index("Homologação") < html.index("Antiga")  # keys in use before revoked ones
    assert "Revogada" in html
    assert "Chave de outra empresa" not in html
    assert "CT-2024/00999" not in html
    assert "Criar nova chave" in html
    assert "Renovar segredo" in html
    assert "/api/v1/token" in html
    assert 'href="/api/v1/docs"' in html


def test_membro_reads_the_list_without_actions(client, contract, membro):
    ApiCredentialFactory(contract=contract, name="Produção")
    client.force_login(membro)
    html = client.get("/chaves/").content.decode()
    assert "Produção" in html
    assert "Só o gestor cria, renova ou revoga" in html
    assert "Criar nova chave" not in html
    assert "Renovar segredo" not in html
    assert "Revogar" not in html
    assert "Histórico de ações" not in html


def test_a_contract_not_in_force_is_shown_only_when_it_has_keys(client, company, gestor):
    ended = ContractFactory(organization=company, number="CT-2022/00987", status="encerrado")
    ContractFactory(organization=company, number="CT-2022/00988", status="encerrado")
    ApiCredentialFactory(contract=ended, name="Chave antiga")
    client.force_login(gestor)
    html = client.get("/chaves/").content.decode()
    assert "CT-2022/00987" in html
    assert "as chaves dele não funcionam" in html
    assert "CT-2022/00988" not in html


def test_the_page_keeps_its_query_count_flat(client, company, gestor):
    def keys(count):
        for _n in range(count):
            contract = ContractFactory(organization=company)
            ApiCredentialFactory(contract=contract, created_by=gestor, last_used_at=timezone.now())
            ApiCredentialFactory(contract=contract, revoked_at=timezone.now())

    client.force_login(gestor)
    keys(1)
    # 8: session, user, memberships, keys, contracts, the form's contracts (count + rows), and the
    # session write that records the form's single-use token.
    with max_queries(8) as one:
        assert client.get("/chaves/").status_code == 200
    keys(6)
    MembershipFactory(user=gestor, role="membro")
    with max_queries(8) as many:
        assert client.get("/chaves/").status_code == 200
    assert len(many.captured_queries) == len(one.captured_queries)


# Creating ------------------------------------------------------------------------------------------


def create(client, data):
    """Post the create form as a browser does: with the single-use token of the page that showed it."""
    submission = client.get("/chaves/").context["submission"]
    return client.post("/chaves/nova/", {**data, "submission": submission})


def test_posting_the_same_form_again_creates_no_second_key(client, contract, gestor):
    client.force_login(gestor)
    submission = client.get("/chaves/").context["submission"]
    data = {"contract": "CT-2024/00113", "name": "Sistema de cobrança", "submission": submission}
    assert client.post("/chaves/nova/", data).status_code == 201
    again = client.post("/chaves/nova/", data, follow=True)
    assert again.redirect_chain == [("/chaves/", 302)]
    assert "Esse formulário já foi enviado" in again.content.decode()
    assert "Sistema de cobrança" in again.content.decode()
    assert ApiCredential.objects.count() == 1


def test_a_form_fixed_after_an_error_can_still_be_sent(client, contract, gestor):
    client.force_login(gestor)
    refused = create(client, {"contract": "CT-2024/00113", "name": " "})
    assert refused.status_code == 400
    data = {"contract": "CT-2024/00113", "name": "Cobrança", "submission": refused.context["submission"]}
    assert client.post("/chaves/nova/", data).status_code == 201
    assert ApiCredential.objects.get().name == "Cobrança"


def test_gestor_creates_a_key_and_sees_the_secret_once_uncached(client, contract, gestor):
    client.force_login(gestor)
    response = create(client, {"contract": "CT-2024/00113", "name": "Sistema de cobrança"})
    assert response.status_code == 201
    assert "no-store" in response["Cache-Control"]
    credential = ApiCredential.objects.get()
    secret = response.context["secret"]
    html = response.content.decode()
    assert credential.consumer_key in html
    assert secret in html
    assert credential.secret_hash == services.hash_secret(secret)
    assert "não será mostrado de novo" in html
    assert 'src="/static/js/credentials.js"' in html
    assert secret not in client.get("/chaves/").content.decode()
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=secret) is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"contract": "CT-2024/00113", "name": "  "}, "Dê um nome à chave"),
        ({"contract": "", "name": "Cobrança"}, "Escolha o contrato da chave."),
        ({"contract": "CT-2024/00999", "name": "Cobrança"}, "Escolha um dos contratos ativos"),
        ({"contract": "CT-2022/00987", "name": "Cobrança"}, "Escolha um dos contratos ativos"),
        ({"contract": "CT-2024/00113", "name": "x" * 81}, "no máximo 80 caracteres"),
    ],
)
def test_bad_input_is_explained_with_400_and_the_name_kept(client, company, contract, gestor, data, message):
    ContractFactory(number="CT-2024/00999")
    ContractFactory(organization=company, number="CT-2022/00987", status="encerrado")
    client.force_login(gestor)
    response = create(client, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    if data["name"].strip():
        assert f'value="{data["name"]}"' in html
    assert not ApiCredential.objects.exists()


def test_a_sixth_key_is_refused_with_400(client, contract, gestor):
    ApiCredentialFactory.create_batch(5, contract=contract)
    client.force_login(gestor)
    response = create(client, {"contract": "CT-2024/00113", "name": "Sexta chave"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "já tem 5 chaves ativas" in html
    assert 'value="Sexta chave"' in html
    assert '<option value="CT-2024/00113" selected>' in html
    assert ApiCredential.objects.count() == 5


def test_membro_cannot_create(client, contract, membro):
    client.force_login(membro)
    assert create(client, {"contract": "CT-2024/00113", "name": "X"}).status_code == 403
    assert not ApiCredential.objects.exists()


def test_a_gestor_elsewhere_cannot_create_for_a_company_where_they_are_membro(client, contract, membro):
    MembershipFactory(user=membro, role="gestor")
    client.force_login(membro)
    response = create(client, {"contract": "CT-2024/00113", "name": "X"})
    assert response.status_code == 400
    assert not ApiCredential.objects.exists()


def test_create_is_post_only(client, gestor):
    client.force_login(gestor)
    assert client.get("/chaves/nova/").status_code == 405


# Rotating and revoking -----------------------------------------------------------------------------


def test_rotate_confirms_first_then_shows_the_new_secret_and_the_grace(client, contract, gestor):
    credential = ApiCredentialFactory(contract=contract, name="Produção")
    client.force_login(gestor)
    page = client.get(f"/chaves/{credential.pk}/renovar/")
    assert page.status_code == 200
    assert "continua funcionando por mais 24 horas" in page.content.decode()
    assert not CredentialEvent.objects.exists()
    response = client.post(f"/chaves/{credential.pk}/renovar/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = response.context["secret"]
    credential.refresh_from_db()
    assert credential.secret_hash == services.hash_secret(secret)
    html = response.content.decode()
    assert secret in html
    assert "O segredo anterior continua funcionando até" in html
    assert services.token_issue(consumer_key=credential.consumer_key, consumer_secret=SECRET) is not None


def test_revoke_confirms_first_then_redirects_with_a_message(client, contract, gestor):
    credential = ApiCredentialFactory(contract=contract, name="Produção")
    client.force_login(gestor)
    page = client.get(f"/chaves/{credential.pk}/revogar/")
    assert "deixa de funcionar imediatamente" in page.content.decode()
    assert ApiCredential.objects.get().revoked_at is None
    response = client.post(f"/chaves/{credential.pk}/revogar/", follow=True)
    assert response.redirect_chain == [("/chaves/", 302)]
    assert "Chave “Produção” revogada." in response.content.decode()
    assert ApiCredential.objects.get().revoked_at is not None


def test_a_revoked_key_cannot_be_rotated(client, contract, gestor):
    credential = ApiCredentialFactory(contract=contract, name="Produção", revoked_at=timezone.now())
    client.force_login(gestor)
    response = client.post(f"/chaves/{credential.pk}/renovar/", follow=True)
    assert "já foi revogada" in response.content.decode()
    assert ApiCredential.objects.get().secret_hash == services.hash_secret(SECRET)


@pytest.mark.parametrize("action", ["renovar", "revogar"])
def test_membro_cannot_rotate_nor_revoke(client, contract, membro, action):
    credential = ApiCredentialFactory(contract=contract)
    client.force_login(membro)
    assert client.get(f"/chaves/{credential.pk}/{action}/").status_code == 403
    assert client.post(f"/chaves/{credential.pk}/{action}/").status_code == 403
    assert not CredentialEvent.objects.exists()


@pytest.mark.parametrize("action", ["renovar", "revogar"])
def test_another_companys_key_answers_404(client, gestor, other_credential, action):
    client.force_login(gestor)
    assert client.get(f"/chaves/{other_credential.pk}/{action}/").status_code == 404
    assert client.post(f"/chaves/{other_credential.pk}/{action}/").status_code == 404
    other_credential.refresh_from_db()
    assert other_credential.revoked_at is None
    assert other_credential.secret_hash == services.hash_secret(SECRET)


# The audit trail -----------------------------------------------------------------------------------


def test_gestor_reads_the_trail_of_their_companies_only(client, contract, gestor, other_credential):
    credential, _secret = services.credential_create(user=gestor, contract=contract, name="Produção")
    services.credential_revoke(user=gestor, credential=credential)
    other_gestor = MembershipFactory(organization=other_credential.contract.organization, role="gestor").user
    services.credential_revoke(user=other_gestor, credential=other_credential)
    client.force_login(gestor)
    response = client.get("/chaves/historico/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Criou a chave" in html
    assert "Revogou a chave" in html
    assert "Ana Paula Souza" in html
    assert "Chave de outra empresa" not in html


def test_the_trail_is_paginated(client, contract, gestor):
    credential = ApiCredentialFactory(contract=contract)
    CredentialEvent.objects.bulk_create(
        CredentialEvent(
            organization=contract.organization, credential=credential, action="renovada", actor_name=f"Pessoa {n}"
        )
        for n in range(30)
    )
    client.force_login(gestor)
    first = client.get("/chaves/historico/").content.decode()
    assert "Página 1 de 2" in first
    second = client.get("/chaves/historico/?pagina=2").content.decode()
    assert second.count("Renovou o segredo") == 5
    assert client.get("/chaves/historico/?pagina=abc").status_code == 200


def test_membro_cannot_read_the_trail(client, membro):
    client.force_login(membro)
    assert client.get("/chaves/historico/").status_code == 403


def test_the_trail_keeps_its_query_count_flat(client, contract, gestor):
    def events(count):
        for _n in range(count):
            credential = ApiCredentialFactory(contract=ContractFactory(organization=contract.organization))
            CredentialEvent.objects.create(
                organization=contract.organization, credential=credential, action="criada", actor_name="Ana"
            )

    client.force_login(gestor)
    events(1)
    with max_queries(6) as one:
        assert client.get("/chaves/historico/").status_code == 200
    events(10)
    with max_queries(6) as many:
        assert client.get("/chaves/historico/").status_code == 200
    assert len(many.captured_queries) == len(one.captured_queries)
