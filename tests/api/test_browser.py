"""The API's interactive documentation in a real Chromium: our own assets, strict CSP, axe-clean."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.browser import horizontal_overflow

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_the_docs_page_lists_every_operation_without_csp_errors_and_passes_axe(page: Page, live_server):
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    response = page.goto(live_server.url + "/api/v1/docs")

    assert response is not None
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("html")).to_have_attribute("lang", "pt-br")
    expect(page.get_by_role("heading", name="Documentação da API", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="API da Área do Cliente 1 OAS 3.1")).to_be_visible()
    for summary in ("Trocar a chave de acesso por um token", "Abrir um ticket", "Listar as faturas da empresa"):
        expect(page.get_by_text(summary, exact=True)).to_be_visible()
    expect(page.locator(".opblock")).to_have_count(10)
    assert all(url.startswith(live_server.url) for url in requests), requests
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=ARTIFACTS / "api-docs-1366.png", full_page=False)
    assert_accessible(page)

    # One operation opened, as a reader explores it.
    page.get_by_text("Abrir um ticket", exact=True).click()
    expect(page.get_by_text("Idempotency-Key").first).to_be_visible()
    page.get_by_text("Abrir um ticket", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "api-docs-operation-1366.png", full_page=False)
    assert_accessible(page)

    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=ARTIFACTS / "api-docs-375.png", full_page=False)
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
    assert not [text for text in problems if "Content Security Policy" in text or "Refused" in text], problems
    assert not problems, problems


def test_try_it_out_calls_the_api_with_a_token_from_the_page(page: Page, live_server):
    from tests.api.conftest import Company

    token = Company().token()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + "/api/v1/docs")

    page.get_by_role("button", name="Authorize").click()
    dialog = page.locator(".modal-ux")
    expect(dialog.get_by_role("button", name="Fechar")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "api-docs-authorize-1366.png", full_page=False)
    assert_accessible(page)
    dialog.get_by_label("Value:").fill(token)
    dialog.get_by_role("button", name="Apply credentials").first.click()
    dialog.get_by_role("button", name="Close").first.click()

    page.get_by_text("Listar os contratos da empresa", exact=True).click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()

    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_contain_text("200")
    expect(page.locator(".live-responses-table").first).to_contain_text('"items"')
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "api-docs-try-1366.png", full_page=False)
    assert_accessible(page)
    assert not problems, problems
