"""What the customer-area browser tests share: signing in through the login page, and reflow."""

from playwright.sync_api import Page, expect

from tests.factories import DEFAULT_PASSWORD


def log_in(page: Page, base_url: str, login: str, *, greeting: str = "Olá, Maria") -> None:
    """Sign in as a customer would, with ``login`` (CPF or e-mail) and the factories' password."""
    page.goto(base_url + "/entrar/")
    page.get_by_label("CPF ou e-mail").fill(login)
    page.get_by_label("Senha").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Entrar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(greeting)


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0 or less: no sideways scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
