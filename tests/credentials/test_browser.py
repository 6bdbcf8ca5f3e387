"""Chaves de Acesso in a real Chromium: axe on every page, no sideways scroll, with and without JavaScript."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from credentials import services
from credentials.models import ApiCredential
from tests.a11y import assert_accessible
from tests.browser import horizontal_overflow, log_in
from tests.credentials.factories import ApiCredentialFactory
from tests.factories import ContractFactory, MembershipFactory, OrganizationFactory, ProductFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    banco = OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte", cnpj="33451729000133")
    coop = OrganizationFactory(legal_name="Cooperativa de Crédito Vale Verde", trade_name="Sicoob Vale Verde")
    MembershipFactory(user=user, organization=banco, role="gestor")
    MembershipFactory(user=user, organization=coop, role="membro")
    now = timezone.now()
    datavalid = ContractFactory(
        organization=banco, number="CT-2024/00113", product=ProductFactory(name="Datavalid", slug="datavalid")
    )
    ContractFactory(organization=banco, number="CT-2024/00112", product=ProductFactory(name="Consulta CPF"))
    cnpj = ContractFactory(organization=coop, number="CT-2023/00250", product=ProductFactory(name="Consulta CNPJ"))
    ApiCredentialFactory(
        contract=datavalid,
        name="Onboarding de clientes — produção",
        consumer_key="demo-banco-horizonte",
        created_by=user,
        created_at=now - datetime.timedelta(days=200),
        last_used_at=now - datetime.timedelta(hours=2),
    )
    ApiCredentialFactory(
        contract=datavalid,
        name="Onboarding de clientes — homologação",
        consumer_key="Xr4kP0q9LmZ2vWb7Yt1sNc8e",
        created_by=user,
        previous_secret_hash="0" * 64,
        previous_secret_valid_until=now + datetime.timedelta(hours=21),
    )
    ApiCredentialFactory(
        contract=datavalid, name="Aplicativo antigo (descontinuado)", revoked_at=now - datetime.timedelta(days=60)
    )
    ApiCredentialFactory(contract=cnpj, name="Cadastro de cooperados", consumer_key="Qw8nT3hJ5aR0cV6dK2mB9pLx")
    return user


def _shot(page: Page, name: str, width: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"credentials-{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [1366, 375])
def test_gestor_creates_renews_and_revokes_keys_on_accessible_pages(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "maria@cliente.example")
    if width < 768:
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Menu da Área do Cliente").get_by_role("link", name="Chaves de Acesso").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chaves de Acesso")
    expect(page.get_by_text("segredo anterior válido até")).to_be_visible()
    expect(page.get_by_text("nunca usada").first).to_be_visible()
    expect(page.get_by_text("Só o gestor cria, renova ou revoga.")).to_be_visible()
    # Revogar on 2 keys in use of the bank; none on the revoked one, none on the coop's (membro).
    expect(page.get_by_role("link", name="Revogar")).to_have_count(2)
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    _shot(page, "list", width)

    page.get_by_role("button", name="Criar chave").click()
    expect(page.get_by_text("Escolha o contrato da chave.")).to_be_visible()
    expect(page.get_by_text("Dê um nome à chave, para reconhecê-la depois.")).to_be_visible()
    assert_accessible(page)
    _shot(page, "create-error", width)

    page.get_by_label("Contrato *").select_option("CT-2024/00112")
    page.get_by_label("Nome da chave *").fill("Sistema de cobrança")
    page.get_by_role("button", name="Criar chave").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chave criada")
    expect(page.get_by_text("Copie o consumer secret agora")).to_be_visible()
    expect(page.get_by_role("button", name="Copiar")).to_have_count(2)
    secret = page.locator("#consumer-secret").inner_text()
    credential = ApiCredential.objects.get(name="Sistema de cobrança")
    assert credential.secret_hash == services.hash_secret(secret)
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    _shot(page, "secret", width)

    page.get_by_role("link", name="Já copiei: voltar para Chaves de Acesso").click()
    expect(page.get_by_text(secret)).to_have_count(0)
    expect(page.get_by_text("Sistema de cobrança", exact=True)).to_be_visible()
    page.get_by_role("link", name="Renovar o segredo de Sistema de cobrança").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Renovar o segredo de “Sistema de cobrança”")
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    _shot(page, "rotate-confirm", width)
    page.get_by_role("button", name="Renovar segredo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Segredo renovado")
    expect(page.get_by_text("O segredo anterior continua funcionando até")).to_be_visible()
    assert page.locator("#consumer-secret").inner_text() != secret
    assert_accessible(page)

    page.goto(live_server.url + "/chaves/")
    page.get_by_role("link", name="Revogar Sistema de cobrança").click()
    expect(page.get_by_text("deixa de funcionar imediatamente")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    _shot(page, "revoke-confirm", width)
    page.get_by_role("button", name="Revogar chave").click()
    expect(page.get_by_text("Chave “Sistema de cobrança” revogada.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Histórico de ações").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Histórico das chaves de acesso")
    expect(page.get_by_role("cell", name="Revogou a chave")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    _shot(page, "audit", width)


def test_keys_work_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900}, locale="pt-BR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, live_server.url, "maria@cliente.example")
    page.goto(live_server.url + "/chaves/")
    page.get_by_label("Contrato *").select_option("CT-2024/00113")
    page.get_by_label("Nome da chave *").fill("Integração sem JS")
    page.get_by_role("button", name="Criar chave").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chave criada")
    expect(page.locator("#consumer-secret")).to_be_visible()
    expect(page.get_by_role("button", name="Copiar")).to_have_count(0)  # the enhancement needs JavaScript
    page.goto(live_server.url + "/chaves/")
    page.get_by_role("link", name="Revogar Integração sem JS").click()
    page.get_by_role("button", name="Revogar chave").click()
    expect(page.get_by_text("Chave “Integração sem JS” revogada.")).to_be_visible()
    context.close()
