"""Financeiro in a real Chromium: axe, no sideways scroll, filters without JavaScript, screenshots."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.billing.factories import InvoiceFactory
from tests.browser import horizontal_overflow, log_in
from tests.factories import (
    ContractFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    company = OrganizationFactory(legal_name="Banco Horizonte S.A.", trade_name="Banco Horizonte")
    MembershipFactory(user=user, organization=company, role="gestor")
    contract = ContractFactory(
        organization=company,
        number="CT-2024/00113",
        product=ProductFactory(name="Datavalid", slug="datavalid"),
        start_date=datetime.date(2024, 3, 1),
    )
    today = datetime.date.today()
    month = today.replace(day=1)
    for age in range(6):
        period = (month - datetime.timedelta(days=28 * age)).replace(day=1)
        due = period + datetime.timedelta(days=19)
        issue = min(period + datetime.timedelta(days=4), today)
        kwargs = {"paid": True} if age >= 2 else {}
        if age == 4:
            kwargs = {"cancelled": True}
        InvoiceFactory(
            contract=contract,
            number=f"FAT-{period:%Y%m}",
            period=period,
            issue_date=issue,
            due_date=max(due, issue) if age else today + datetime.timedelta(days=10),
            amount=Decimal("42300.00") + age,
            with_nota_fiscal=age < 3,
            **kwargs,
        )
    return user


@pytest.mark.parametrize("width", [1366, 375])
def test_customer_filters_invoices_and_opens_the_2a_via(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "529.982.247-25")
    page.goto(live_server.url + "/financeiro/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Financeiro")
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"billing-list-{width}px.png", full_page=True)

    page.get_by_label("Situação").select_option("vencida")
    page.get_by_role("button", name="Filtrar").click()
    expect(page.get_by_role("status")).to_have_text("1 fatura")
    assert_accessible(page)

    page.get_by_role("link", name="2ª via do boleto").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2ª via da fatura")
    expect(page.get_by_role("img", name="Código de barras do boleto")).to_be_visible()
    expect(page.get_by_role("img", name="QR Code PIX para pagar esta fatura")).to_be_visible()
    expect(page.get_by_text("Total a pagar")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    page.screenshot(path=ARTIFACTS / f"billing-2a-via-{width}px.png", full_page=True)


def test_pages_work_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, locale="pt-BR")
    page = context.new_page()
    log_in(page, live_server.url, "529.982.247-25")
    page.goto(live_server.url + "/financeiro/?situacao=cancelada")
    expect(page.get_by_role("status")).to_have_text("1 fatura")
    page.get_by_role("button", name="Solicitar ajuda").first.click()
    # No Financeiro ticket form in this database: the chooser, where the person picks one.
    expect(page).to_have_url(live_server.url + "/suporte/novo/")
    context.close()
