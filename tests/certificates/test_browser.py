"""Solicitação Certificado Digital in a real Chromium: axe on every state, no sideways scroll, no JavaScript needed."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from certificates.models import CertificateRequest
from tests.a11y import assert_accessible
from tests.browser import horizontal_overflow, log_in
from tests.certificates.factories import CertificateRequestFactory, issued, with_history
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    banco = OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte", cnpj="33451729000133")
    coop = OrganizationFactory(legal_name="Cooperativa de Crédito Vale Verde", trade_name="Sicoob Vale Verde")
    MembershipFactory(user=user, organization=banco, role="gestor")
    MembershipFactory(user=user, organization=coop, role="membro")
    issued(
        organization=banco,
        kind="e-cnpj",
        holder_name="Banco Horizonte S.A.",
        holder_document=banco.cnpj,
        holder_email="ti@bancohorizonte.example",
        expires_in_days=20,
    )
    with_history(
        CertificateRequestFactory(
            organization=banco,
            kind="e-cpf",
            media="a3",
            validity_years=2,
            holder_name="Marcos Vinícius Teixeira",
            delivery="retirada",
            service_unit="brasilia",
            status=CertificateRequest.Status.VALIDATING,
        )
    )
    with_history(
        CertificateRequestFactory(
            organization=banco,
            holder_name="Bruno Lima",
            status=CertificateRequest.Status.REFUSED,
            refusal_reason="A procuração do representante legal venceu. Envie uma procuração válida.",
        )
    )
    CertificateRequestFactory(organization=coop, holder_name="Carla Mendes")
    return user


def _shot(page: Page, name: str, width: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"certificates-{name}-{width}.png", full_page=True)


def _check(page: Page, name: str, width: int) -> None:
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    _shot(page, name, width)


@pytest.mark.parametrize("width", [1366, 375])
def test_gestor_renews_from_the_home_reminder_and_follows_the_request(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "maria@cliente.example")
    reminder = page.get_by_role("region", name="Lembretes")
    expect(reminder).to_contain_text("O certificado e-CNPJ A1 de Banco Horizonte S.A. vence em 20 dias")
    _check(page, "home", width)

    if width < 768:
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Menu da Área do Cliente").get_by_role(
        "link", name="Solicitação Certificado Digital"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitação Certificado Digital")
    expect(page.get_by_role("heading", level=2)).to_have_count(2)
    expect(page.get_by_text("Em validação", exact=True)).to_be_visible()
    _check(page, "list", width)

    page.get_by_role("link", name="e-CPF A1 — Bruno Lima").click()
    expect(page.get_by_text("A procuração do representante legal venceu.")).to_be_visible()
    _check(page, "detail-refused", width)

    page.goto(live_server.url + "/")
    reminder.get_by_role("link", name="Solicitar renovação").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Renovar certificado digital")
    expect(page.get_by_label("CPF ou CNPJ do titular")).to_have_value("33.451.729/0001-33")
    _check(page, "form-renewal", width)

    page.get_by_role("textbox", name="E-mail do titular").fill("")
    page.get_by_role("radio", name="A3 — token ou cartão").check()
    page.get_by_role("button", name="Enviar solicitação").click()
    expect(page.get_by_role("alert")).to_contain_text("Não foi possível enviar a solicitação")
    expect(page.get_by_label("CPF ou CNPJ do titular")).to_have_value("33.451.729/0001-33")
    _check(page, "form-errors", width)

    page.get_by_role("textbox", name="E-mail do titular").fill("ti@bancohorizonte.example")
    page.get_by_role("radio", name="Retirada em uma unidade de atendimento").check()
    page.get_by_label("Unidade de atendimento", exact=True).select_option(label="Recife (PE) — Av. Parnamirim, 295")
    page.get_by_role("radio", name="3 anos").check()
    page.get_by_role("button", name="Enviar solicitação").click()
    expect(page.get_by_text("registrada. Você vai receber um e-mail")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificado e-CNPJ A3 — Banco Horizonte S.A.")
    expect(page.get_by_text("Recife (PE)")).to_be_visible()
    _check(page, "detail", width)

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Suas empresas")).to_be_visible()
    expect(page.get_by_role("region", name="Lembretes")).to_have_count(0)  # renewal under way


def test_gestor_asks_for_a_certificate_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900}, locale="pt-BR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, live_server.url, "maria@cliente.example")
    page.goto(live_server.url + "/certificado-digital/")
    page.get_by_role("link", name="Nova solicitação").first.click()
    page.get_by_label("Empresa").select_option(label="Banco Horizonte (33.451.729/0001-33)")
    page.get_by_role("radio", name="e-CPF").check()
    page.get_by_label("Nome do titular").fill("Ana Paula Souza")
    page.get_by_label("CPF ou CNPJ do titular").fill("529.982.247-26")
    page.get_by_role("textbox", name="E-mail do titular").fill("ana@bancohorizonte.example")
    page.get_by_role("button", name="Enviar solicitação").click()
    expect(page.get_by_text("CPF inválido (dígito verificador)").first).to_be_visible()
    page.get_by_label("CPF ou CNPJ do titular").fill("529.982.247-25")
    page.get_by_role("button", name="Enviar solicitação").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificado e-CPF A1 — Ana Paula Souza")
    expect(page.get_by_text("529.982.247-25")).to_be_visible()
    context.close()
