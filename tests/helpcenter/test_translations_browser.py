"""Help content in the reader's language, in a real Chromium: translated where staff translated it,
Portuguese with a note (and lang="pt-BR") where not; axe on every page."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory, ProductFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

TEXT = {
    "en": {
        "category": "Billing",
        "question": "How do I get a copy of my boleto?",
        "answer": "Open Billing and choose the invoice.",
        "product": "Data validation",
        "page": "Getting started",
        "search": "copy",
        "note": "Content available only in Portuguese.",
    },
    "es": {
        "category": "Finanzas",
        "question": "¿Cómo emito la segunda vía del boleto?",
        "answer": "Abra Finanzas y elija la factura.",
        "product": "Validación de datos",
        "page": "Primeros pasos",
        "search": "factura",
        "note": "Contenido disponible solo en portugués.",
    },
}


def _translated(item, language, **fields):
    for field, value in fields.items():
        setattr(item, f"{field}_{language}", value)
    item.save()
    return item


@pytest.fixture
def content():
    financeiro = FaqCategoryFactory(slug="financeiro", name="Financeiro", description="")
    article = ArticleFactory(
        category=financeiro,
        question="Como emito a 2ª via do boleto?",
        slug="segunda-via",
        body="Abra Financeiro e escolha a fatura.",
        featured=True,
    )
    ArticleFactory(
        category=financeiro, question="Quando a nota fiscal é emitida?", slug="nota-fiscal", body="No dia 5."
    )
    product = ProductFactory(name="Validação de dados", slug="datavalid", short_description="")
    page = DocumentationPageFactory(product=product, title="Como começar", slug="como-comecar", body="Peça a chave.")
    for language, text in TEXT.items():
        _translated(financeiro, language, name=text["category"])
        _translated(article, language, question=text["question"], body=text["answer"])
        _translated(product, language, name=text["product"])
        _translated(page, language, title=text["page"], body=text["answer"])


def _lang_of(locator) -> str:
    return locator.evaluate("(element) => element.closest('[lang]').getAttribute('lang')")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_reader_sees_the_help_in_their_language_and_portuguese_where_untranslated(
    live_server, page: Page, content, language
):
    text = TEXT[language]
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])

    page.goto(live_server.url + "/ajuda/")
    expect(page.get_by_role("link", name=text["question"])).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    expect(page.get_by_role("heading", level=1)).to_have_text(text["category"])
    assert _lang_of(page.get_by_role("heading", level=1)) == language
    translated = page.locator("details", has_text=text["question"])
    translated.locator("summary").click()
    expect(translated.get_by_text(text["answer"])).to_be_visible()
    expect(translated.get_by_text(text["note"])).to_have_count(0)
    untranslated = page.locator("details", has_text="Quando a nota fiscal é emitida?")
    untranslated.locator("summary").click()
    expect(untranslated.get_by_text(text["note"])).to_be_visible()
    assert _lang_of(untranslated.get_by_text("No dia 5.")) == "pt-BR"
    assert_accessible(page)

    page.goto(live_server.url + "/ajuda/duvidas/financeiro/segunda-via/")
    expect(page.get_by_role("heading", level=1)).to_have_text(text["question"])
    assert_accessible(page)

    page.goto(live_server.url + "/ajuda/produtos/datavalid/")
    expect(page.get_by_role("heading", level=1)).to_have_text(text["product"])
    expect(page.get_by_role("heading", name=text["page"])).to_be_visible()
    assert_accessible(page)

    page.goto(live_server.url + f"/ajuda/busca/?q={text['search']}")
    expect(page.locator(".search-hit").first.get_by_role("link")).to_have_text(text["question"])
    assert_accessible(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    page.locator("details", has_text="Quando a nota fiscal é emitida?").locator("summary").click()
    page.screenshot(path=ARTIFACTS / f"ajuda-categoria-{language}-375.png", full_page=True)


def test_a_typo_in_the_search_offers_the_right_word(live_server, page: Page, content):
    from helpcenter.query import refresh_word_list

    refresh_word_list()
    page.goto(live_server.url + "/ajuda/busca/?q=boelto")
    suggestion = page.locator(".search-suggestion").get_by_role("link", name="boleto")
    suggestion.click()
    expect(page).to_have_url(live_server.url + "/ajuda/busca/?q=boleto")
    expect(page.locator(".search-hit").first.get_by_role("link")).to_have_text("Como emito a 2ª via do boleto?")
    assert_accessible(page)
