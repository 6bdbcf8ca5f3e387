"""Consultar Consumo in a real Chromium: axe, no sideways scrolling at 375 px, screenshots, no JavaScript."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.browser import horizontal_overflow, log_in
from tests.factories import (
    ContractFactory,
    MembershipFactory,
    OrganizationFactory,
    ProductFactory,
    UserFactory,
)
from tests.usage.factories import UsageAllowanceFactory
from usage.models import UsageRecord
from usage.selectors import add_months

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="membro")
    today = timezone.localdate()
    for number, name, unit, daily, allowance in [
        ("CT-2024/00112", "Consulta CPF", "consultas", 4_000, 215_000),
        ("CT-2026/00020", "Datavalid", "validações", 900, None),
    ]:
        contract = ContractFactory(
            organization=organization,
            number=number,
            product=ProductFactory(name=name),
            start_date=datetime.date(2023, 1, 1),
        )
        UsageAllowanceFactory(contract=contract, unit=unit, monthly_quantity=allowance)
        start = add_months(today.replace(day=1), -35)
        days = (today - start).days + 1
        UsageRecord.objects.bulk_create(
            UsageRecord(
                contract=contract,
                day=start + datetime.timedelta(days=n),
                quantity=int(
                    daily * (1 + n / 1200) * (1.3 if (start + datetime.timedelta(days=n)).month in (3, 8) else 1)
                ),
            )
            for n in range(days)
        )
    return user


@pytest.mark.parametrize("width", [1366, 375])
def test_consumo_page_is_accessible_and_the_chart_fits_the_screen(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server.url, "529.982.247-25")
    page.goto(live_server.url + "/consumo/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultar Consumo")
    chart = page.get_by_role("img", name="Consumo mensal do contrato CT-2024/00112")
    expect(chart).to_be_visible()
    expect(page.get_by_role("table", name="Consumo por mês do contrato CT-2024/00112, em consultas")).to_be_visible()
    assert horizontal_overflow(page) <= 0
    box = chart.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"usage-{width}px.png", full_page=True)
    page.locator(".usage-contract").first.screenshot(path=ARTIFACTS / f"usage-contract-{width}px.png")

    page.get_by_label("Contrato", exact=True).select_option("CT-2024/00112")
    page.get_by_label("Período", exact=True).select_option("24")
    page.get_by_role("button", name="Consultar").click()
    expect(page).to_have_url(live_server.url + "/consumo/?contrato=CT-2024%2F00112&meses=24")
    expect(page.get_by_role("table")).to_have_count(1)
    expect(page.get_by_role("row")).to_have_count(25)
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    page.screenshot(path=ARTIFACTS / f"usage-24-months-{width}px.png", full_page=True)


def test_consumo_filters_and_download_work_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900}, locale="pt-BR")
    page = context.new_page()
    log_in(page, live_server.url, "529.982.247-25")
    page.goto(live_server.url + "/consumo/")
    page.get_by_label("Período", exact=True).select_option("24")
    page.get_by_role("button", name="Consultar").click()
    expect(page.get_by_role("row")).to_have_count(2 * 25)
    with page.expect_download() as download:
        page.get_by_role("link", name="Baixar CSV").click()
    assert download.value.suggested_filename == "consumo-contratos-24-meses.csv"
    context.close()
