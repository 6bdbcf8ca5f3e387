"""The Central de Ajuda in a real Chromium, as an anonymous visitor."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.a11y import assert_accessible
from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory, ProductFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def content():
    financeiro = FaqCategoryFactory(slug="financeiro", name="Financeiro", description="Boletos e notas fiscais.")
    FaqCategoryFactory(slug="area-do-cliente", name="Área do Cliente")
    ArticleFactory(
        category=financeiro,
        question="Como emitir a segunda via do boleto?",
        slug="segunda-via",
        body="Entre na Área do Cliente, abra **Financeiro** e escolha a fatura. A cobrança vence no dia 10.",
        featured=True,
    )
    ArticleFactory(category=financeiro, question="Quando a nota fiscal é emitida?", slug="nota-fiscal")
    datavalid = ProductFactory(name="Datavalid", slug="datavalid", short_description="Validação de dados.")
    ProductFactory(name="Consulta CPF", slug="consulta-cpf")
    DocumentationPageFactory(product=datavalid, title="Como começar", slug="como-comecar", order=1)
    DocumentationPageFactory(
        product=datavalid, title="Códigos de retorno", slug="codigos", order=2, body="O código 200 indica sucesso."
    )


def test_visitor_browses_products_documentation_and_support(live_server, page: Page, content):
    page.goto(live_server.url + "/ajuda/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Central de Ajuda")
    assert_accessible(page)

    page.get_by_role("navigation", name="Central de Ajuda").get_by_role("link", name="Produtos").click()
    expect(page.get_by_text("Selecione o produto desejado na lista à esquerda")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Lista de produtos").get_by_role("link", name="Datavalid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datavalid")
    expect(page.get_by_role("heading", name="Documentação")).to_be_visible()
    assert_accessible(page)

    toc = page.get_by_role("navigation", name="Nesta documentação")
    toc.get_by_role("link", name="Códigos de retorno").click()
    expect(page).to_have_url(live_server.url + "/ajuda/produtos/datavalid/#doc-codigos")
    expect(page.get_by_text("O código 200 indica sucesso.")).to_be_in_viewport()

    toc.get_by_role("link", name="Suporte").click()
    expect(page.get_by_role("heading", name="Suporte", exact=True)).to_be_in_viewport()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "ajuda-produto-desktop.png", full_page=True)


def test_visitor_searches_and_reads_the_answer(live_server, page: Page, content):
    page.goto(live_server.url + "/ajuda/")
    page.get_by_role("search").get_by_role("searchbox").fill("cobranca")
    page.get_by_role("search").get_by_role("button", name="Buscar").click()
    expect(page.get_by_text("1 resultado para “cobranca”")).to_be_visible()
    expect(page.locator("mark")).to_have_text("cobrança")
    assert_accessible(page)

    page.get_by_role("link", name="Como emitir a segunda via do boleto?").click()
    expect(page).to_have_url(live_server.url + "/ajuda/duvidas/financeiro/segunda-via/")
    expect(page.get_by_text("A cobrança vence no dia 10.")).to_be_visible()  # the question's own page

    page.goto(live_server.url + "/ajuda/busca/?q=xyzzy")
    expect(page.get_by_text("Nenhum resultado para “xyzzy”.")).to_be_visible()
    assert_accessible(page)


def test_visitor_expands_an_answer_with_the_keyboard_and_votes(live_server, page: Page, content):
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Financeiro")
    answer = page.get_by_text("Entre na Área do Cliente, abra")
    expect(answer).to_be_hidden()
    assert_accessible(page)

    question = page.locator("summary", has_text="Como emitir a segunda via do boleto?")
    question.focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    assert_accessible(page)

    page.get_by_role("group", name="Esta resposta foi útil?").first.get_by_role("button", name="Sim").click()
    expect(page.get_by_text("Obrigado! Sua avaliação ajuda a melhorar as respostas.")).to_be_visible()
    expect(page.get_by_text("Obrigado por avaliar esta resposta.")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("width", [320, 375])
def test_help_center_reflows_on_small_screens(live_server, page: Page, content, width):
    page.set_viewport_size({"width": width, "height": 720})
    for path in ["/ajuda/", "/ajuda/duvidas/financeiro/", "/ajuda/produtos/datavalid/", "/ajuda/busca/?q=boleto"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    page.screenshot(path=ARTIFACTS / f"ajuda-categoria-{width}px.png", full_page=True)


def test_answers_open_without_javascript(live_server, browser, content):
    context = browser.new_context(java_script_enabled=False, locale="pt-BR")
    page = context.new_page()
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    page.locator("summary", has_text="Como emitir a segunda via do boleto?").click()
    expect(page.get_by_text("Entre na Área do Cliente, abra")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_visitor_pages_through_a_large_category(live_server, page: Page, width):
    financeiro = FaqCategoryFactory(slug="financeiro", name="Financeiro")
    for n in range(1, 53):
        ArticleFactory(category=financeiro, question=f"Pergunta número {n:02}?", order=n)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/ajuda/duvidas/financeiro/")
    expect(page.get_by_text("Página 1 de 2")).to_be_visible()
    questions = page.locator("summary.faq__question")
    expect(questions).to_have_count(50)
    expect(questions.last).to_have_text("Pergunta número 50?")
    assert_accessible(page)

    page.get_by_role("navigation", name="Páginas de perguntas").get_by_role("link", name="Próxima").click()
    expect(page).to_have_title("Financeiro (página 2) · Dúvidas · SERPRO")
    expect(page.get_by_text("Página 2 de 2")).to_be_visible()
    expect(questions).to_have_text(["Pergunta número 51?", "Pergunta número 52?"])
    questions.last.click()  # the answer opens in place
    expect(page.get_by_role("link", name="Link para esta pergunta").first).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=ARTIFACTS / f"categoria-pagina-2-{width}px.png", full_page=True)
    page.get_by_role("link", name="Anterior").click()
    expect(page.get_by_text("Página 1 de 2")).to_be_visible()
