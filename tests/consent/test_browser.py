"""Compartilha RFB in a real Chromium: axe on every state, no sideways scroll, grant and revoke without JavaScript."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.browser import horizontal_overflow, log_in
from tests.consent.factories import ConsentEventFactory, RfbDataUseFactory
from tests.factories import ContractFactory, MembershipFactory, OrganizationFactory, ProductFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    colleague = UserFactory(name="Carla Mendes")
    banco = OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte", cnpj="33451729000133")
    coop = OrganizationFactory(
        legal_name="Cooperativa de Crédito Vale Verde", trade_name="Sicoob Vale Verde", cnpj="07864215000108"
    )
    MembershipFactory(user=user, organization=banco, role="gestor")
    MembershipFactory(user=user, organization=coop, role="membro")
    MembershipFactory(user=colleague, organization=coop, role="gestor")
    datavalid = ProductFactory(name="Datavalid", slug="datavalid")
    consulta_cpf = ProductFactory(name="Consulta CPF", slug="consulta-cpf")
    consulta_cnpj = ProductFactory(name="Consulta CNPJ", slug="consulta-cnpj")
    RfbDataUseFactory(
        product=datavalid,
        description="Compara nome, CPF, filiação e foto informados pelos clientes com a base da Receita Federal, "
        "para prevenir fraudes na abertura de contas.",
    )
    RfbDataUseFactory(
        product=consulta_cpf,
        description="Lê a situação cadastral, o nome e a data de nascimento das pessoas consultadas.",
    )
    RfbDataUseFactory(
        product=consulta_cnpj, description="Lê a razão social, a situação cadastral e o quadro de sócios."
    )
    ContractFactory(organization=banco, product=datavalid, number="CT-2024/00113")
    ContractFactory(organization=banco, product=consulta_cpf, number="CT-2024/00112")
    ContractFactory(organization=coop, product=consulta_cnpj, number="CT-2023/00250")
    ContractFactory(organization=coop, product=datavalid, number="CT-2024/00377")
    ConsentEventFactory(
        organization=banco, product=consulta_cpf, actor=user, reason="Validação do CPF dos correntistas."
    )
    ConsentEventFactory(organization=coop, product=consulta_cnpj, actor=colleague, reason="Análise de cooperados.")
    ConsentEventFactory(organization=coop, product=datavalid, actor=colleague, reason="Prevenção a fraudes.")
    ConsentEventFactory(
        organization=coop,
        product=datavalid,
        actor=colleague,
        action="revogado",
        reason="Suspenso pelo encarregado de dados até a renovação do contrato.",
    )
    return user


@pytest.mark.parametrize("width", [1366, 375])
def test_compartilha_rfb_journey_is_accessible_and_fits_the_screen(live_server, page: Page, customer, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "maria@cliente.example")

    # Meus Contratos warns about Banco Horizonte's Datavalid and Sicoob's revoked one.
    page.goto(live_server.url + "/contratos/")
    expect(page.get_by_text("Sem autorização de dados da RFB")).to_have_count(2)
    assert_accessible(page)
    page.goto(live_server.url + "/contratos/CT-2024/00113/")
    expect(page.get_by_text("Sem autorização de dados da RFB")).to_be_visible()
    assert_accessible(page)
    assert horizontal_overflow(page) <= 0
    page.screenshot(path=ARTIFACTS / f"consent-contract-warning-{width}.png", full_page=True)
    page.goto(live_server.url + "/suporte/")
    expect(page.get_by_role("link", name=re.compile(r"^Autorizar no Compartilha RFB\s*: Datavalid$"))).to_be_visible()
    assert_accessible(page)

    if width < 768:
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Menu da Área do Cliente").get_by_role("link", name="Compartilha RFB").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Compartilha RFB")
    expect(page.get_by_text("2 produtos contratados aguardam autorização.")).to_be_visible()
    expect(page.get_by_text("Revogado por Carla Mendes em")).to_be_visible()
    # Gestor of the bank: a form per product; membro of Sicoob: no form.
    expect(page.get_by_role("button", name="Conceder — Datavalid")).to_have_count(1)
    expect(page.get_by_role("button", name="Revogar — Consulta CPF")).to_have_count(1)
    expect(page.get_by_role("button", name="Revogar — Consulta CNPJ")).to_have_count(0)
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    page.screenshot(path=ARTIFACTS / f"consent-list-{width}.png", full_page=True)

    page.get_by_role("button", name="Conceder — Datavalid").click()
    expect(page.get_by_text("A alteração do compartilhamento com Datavalid não foi registrada.")).to_be_visible()
    expect(page.get_by_text("Este campo é obrigatório.")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    page.screenshot(path=ARTIFACTS / f"consent-error-{width}.png", full_page=True)

    page.get_by_label("Motivo da concessão * — Datavalid").fill("Autorizado pela diretoria de riscos.")
    page.get_by_role("button", name="Conceder — Datavalid").click()
    expect(page.get_by_text("Compartilhamento com Datavalid concedido para Banco Horizonte.")).to_be_visible()
    expect(page.get_by_text("1 produto contratado aguarda autorização.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Histórico — Banco Horizonte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Histórico do Compartilha RFB")
    expect(page.get_by_text("2 registros")).to_be_visible()
    expect(page.get_by_text("Autorizado pela diretoria de riscos.")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    page.screenshot(path=ARTIFACTS / f"consent-history-{width}.png", full_page=True)


def test_gestor_grants_and_revokes_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900}, locale="pt-BR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, live_server.url, "maria@cliente.example")
    page.goto(live_server.url + "/compartilha-rfb/")
    page.get_by_label("Motivo da revogação * — Consulta CPF").fill("Fim do projeto de abertura de contas.")
    page.get_by_role("button", name="Revogar — Consulta CPF").click()
    expect(page.get_by_text("Compartilhamento com Consulta CPF revogado para Banco Horizonte.")).to_be_visible()
    expect(page.get_by_text("3 produtos contratados aguardam autorização.")).to_be_visible()
    page.get_by_label("Motivo da concessão * — Consulta CPF").fill("Projeto retomado.")
    page.get_by_role("button", name="Conceder — Consulta CPF").click()
    expect(page.get_by_text("Compartilhamento com Consulta CPF concedido para Banco Horizonte.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Baixar CSV — Banco Horizonte").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "Projeto retomado." in text
    assert "Fim do projeto de abertura de contas." in text
    # (axe runs in the JavaScript test: it cannot be injected into a page without JavaScript.)
    context.close()
