"""Ateste de Serviços in a real Chromium: axe, no sideways scroll, attest and contest without JavaScript."""

from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from attestation.selectors import closed_periods
from tests.a11y import assert_accessible
from tests.attestation.factories import AttestationFactory, contest_form
from tests.billing.factories import InvoiceFactory
from tests.browser import horizontal_overflow, log_in
from tests.factories import (
    ContractFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    TicketTypeFactory,
    UserFactory,
)
from tickets.models import Ticket

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PERIODS = closed_periods()


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    banco = OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")
    coop = OrganizationFactory(legal_name="Cooperativa de Crédito Vale Verde", trade_name="Sicoob Vale Verde")
    MembershipFactory(user=user, organization=banco, role="gestor")
    MembershipFactory(user=user, organization=coop, role="membro")
    start = PERIODS[-1]
    datavalid = ContractFactory(
        organization=banco,
        number="CT-2024/00113",
        product=ProductFactory(name="Datavalid", slug="datavalid"),
        start_date=start,
    )
    consulta = ContractFactory(
        organization=banco,
        number="CT-2024/00112",
        product=ProductFactory(name="Consulta CPF", slug="consulta-cpf"),
        start_date=start,
    )
    escola = ContractFactory(
        organization=coop,
        number="CT-2025/00602",
        product=ProductFactory(name="Escola Serpro Educa — trilhas de capacitação", slug="escola"),
        start_date=start,
    )
    for index, period in enumerate(PERIODS):
        for contract, amount in [(datavalid, "42300.00"), (consulta, "18450.35"), (escola, "3200.00")]:
            invoice = InvoiceFactory(
                contract=contract,
                period=period,
                number=f"{contract.number.replace('/', '-')}-{period:%Y%m}",
                amount=Decimal(amount),
            )
            if index >= 2:
                AttestationFactory(contract=contract, period=period, invoice=invoice, declared_by=user)
    TicketTypeFactory(name="Requisição")
    contest_form()
    return user


@pytest.mark.parametrize("width", [1366, 375])
def test_ateste_page_and_confirmation_are_accessible_and_fit_the_screen(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "maria@cliente.example")
    if width < 768:
        page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Menu da Área do Cliente").get_by_role(
        "link", name="Ateste de Serviços"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ateste de Serviços")
    expect(page.get_by_role("heading", level=2)).to_have_count(3)
    expect(page.get_by_text("6 meses aguardando ateste.")).to_be_visible()
    expect(page.get_by_text("R$\u00a042.300,00").first).to_be_visible()
    # The membro of Sicoob sees its history, without buttons: 4 buttons, 2 pending months × 2 contracts of the bank.
    expect(page.get_by_role("link", name="Atestar ou contestar")).to_have_count(4)
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"attestation-list-{width}px.png", full_page=True)

    page.get_by_role("link", name=f"Atestar ou contestar {PERIODS[0]:%m/%Y} de CT-2024/00113").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ateste de {PERIODS[0]:%m/%Y} — CT-2024/00113")
    expect(page.get_by_text("Eu, Maria da Silva, CPF 529.982.247-25, declaro")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    page.screenshot(path=ARTIFACTS / f"attestation-period-{width}px.png", full_page=True)

    page.get_by_role("button", name="Contestar", exact=True).click()
    expect(page.get_by_text("Este campo é obrigatório.")).to_be_visible()
    assert_accessible(page)


def test_gestor_attests_and_contests_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900}, locale="pt-BR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, live_server.url, "maria@cliente.example")
    page.goto(live_server.url + "/ateste/")
    page.get_by_role("link", name=f"Atestar ou contestar {PERIODS[0]:%m/%Y} de CT-2024/00113").click()
    page.get_by_role("button", name="Atestar", exact=True).click()
    expect(page.get_by_text(f"Serviços de {PERIODS[0]:%m/%Y} do contrato CT-2024/00113 atestados.")).to_be_visible()
    expect(page.get_by_text("por Maria da Silva em").first).to_be_visible()

    page.get_by_role("link", name=f"Atestar ou contestar {PERIODS[1]:%m/%Y} de CT-2024/00112").click()
    page.get_by_role("button", name="Contestar", exact=True).click()
    expect(page.get_by_text("Este campo é obrigatório.")).to_be_visible()
    page.get_by_label("Motivo da contestação *").fill("A consulta ficou indisponível por 3 dias úteis.")
    page.get_by_role("button", name="Contestar", exact=True).click()
    expect(page.get_by_text("Contestação registrada. Acompanhe pelo ticket")).to_be_visible()
    expect(page.get_by_text("4 meses aguardando ateste.")).to_be_visible()
    # (axe runs in the JavaScript test: it cannot be injected into a page without JavaScript.)
    page.screenshot(path=ARTIFACTS / "attestation-after-contest-nojs.png", full_page=True)
    protocol = Ticket.objects.get().protocol
    page.get_by_role("link", name=protocol).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Solicitação {protocol}")
    expect(page.get_by_text("Contestação do ateste — CT-2024/00112").first).to_be_visible()
    context.close()
