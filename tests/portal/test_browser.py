"""The shell in a real Chromium: sign in, switch language, sign out, small screens, no JavaScript."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import DEFAULT_PASSWORD, MembershipFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def customer():
    user = UserFactory(email="maria@cliente.example", cpf="52998224725", name="Maria da Silva")
    organization = OrganizationFactory(legal_name="Nova Rota Tecnologia Ltda.", cnpj="12ABC34501DE35")
    MembershipFactory(user=user, organization=organization, role="gestor")
    return user


def _log_in(page: Page, base_url: str, login: str = "529.982.247-25") -> None:
    page.goto(base_url + "/")
    page.get_by_label("CPF ou e-mail").fill(login)
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Olá, Maria")


def _horizontal_overflow(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_customer_logs_in_switches_language_and_logs_out(live_server, page: Page, customer):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/entrar/\?next=/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Entrar na Área do Cliente")
    assert_accessible(page)

    page.get_by_label("CPF ou e-mail").fill("529.982.247-25")
    page.get_by_label("Senha").fill("senha-errada")
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page.get_by_text("CPF, e-mail ou senha incorretos")).to_be_visible()
    expect(page.get_by_label("CPF ou e-mail")).to_have_value("529.982.247-25")
    assert_accessible(page)

    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Olá, Maria")
    expect(page.get_by_text("12.ABC.345/01DE-35")).to_be_visible()
    assert_accessible(page)

    page.locator("summary", has_text="Português").click()
    assert_accessible(page)  # with the language menu open
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Your companies")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)

    page.locator("summary", has_text="English").click()
    page.get_by_role("button", name="Español").click()
    expect(page.get_by_role("heading", name="Sus empresas")).to_be_visible()
    assert_accessible(page)

    page.locator("summary", has_text="Maria").click()
    page.get_by_role("button", name="Salir").click()
    expect(page).to_have_url(live_server.url + "/entrar/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingresar al Área del Cliente")
    assert_accessible(page)


def test_escape_closes_an_open_menu_and_returns_focus(live_server, page: Page, customer):
    _log_in(page, live_server.url)
    summary = page.locator("summary", has_text="Português")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="English")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="English")).to_be_hidden()
    expect(summary).to_be_focused()


@pytest.mark.parametrize("width", [320, 375])
def test_shell_reflows_on_small_screens_with_the_sidebar_behind_a_menu_button(live_server, page: Page, customer, width):
    page.set_viewport_size({"width": width, "height": 720})
    page.goto(live_server.url + "/entrar/")
    assert _horizontal_overflow(page) <= 0
    _log_in(page, live_server.url)

    menu = page.get_by_role("button", name="Menu")
    support = page.get_by_role("navigation", name="Menu da Área do Cliente").get_by_role("link", name="Suporte")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(support).to_be_hidden()
    assert _horizontal_overflow(page) <= 0

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(support).to_be_visible()
    assert _horizontal_overflow(page) <= 0
    assert_accessible(page)

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"home-{width}px.png", full_page=True)


def test_desktop_shows_the_sidebar_without_a_menu_button(live_server, page: Page, customer):
    _log_in(page, live_server.url)
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    sidebar = page.get_by_role("navigation", name="Menu da Área do Cliente")
    expect(sidebar.get_by_role("link")).to_have_count(9)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "home-desktop.png", full_page=True)


def test_shell_works_without_javascript(live_server, browser, customer):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 720}, locale="pt-BR")
    page = context.new_page()
    _log_in(page, live_server.url)
    # No JavaScript: the sidebar is simply listed, and the <details> menus still open.
    sidebar = page.get_by_role("navigation", name="Menu da Área do Cliente")
    expect(sidebar.get_by_role("link", name="Suporte")).to_be_visible()
    page.locator("summary", has_text="Português").click()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Your companies")).to_be_visible()
    context.close()
