"""Each question has a page of its own (/ajuda/duvidas/<categoria>/<pergunta>/), its answer shown."""

import pytest

from tests.budgets import max_queries
from tests.factories import ArticleFactory, FaqCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def financeiro():
    return FaqCategoryFactory(slug="financeiro", name="Financeiro")


def test_question_page_shows_the_answer_open_and_links_the_others(client, financeiro):
    ArticleFactory(category=financeiro, slug="boleto", question="Como pagar o boleto?", body="Pelo **banco**.")
    ArticleFactory(category=financeiro, slug="nota", question="Onde está a nota?")
    response = client.get("/ajuda/duvidas/financeiro/boleto/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="page-title" id="pergunta-titulo">Como pagar o boleto?</h1>' in html
    assert "<strong>banco</strong>" in html
    assert 'href="/ajuda/duvidas/financeiro/nota/"' in html
    assert '<details class="faq"' not in html  # nothing folded: works without JavaScript


@pytest.mark.parametrize(
    "path",
    ["/ajuda/duvidas/financeiro/nao-existe/", "/ajuda/duvidas/outra/boleto/", "/ajuda/duvidas/financeiro/rascunho/"],
)
def test_unknown_unpublished_or_misplaced_questions_are_404(client, financeiro, path):
    ArticleFactory(category=financeiro, slug="boleto")
    ArticleFactory(category=financeiro, slug="rascunho", published=False)
    FaqCategoryFactory(slug="outra")
    assert client.get(path).status_code == 404


def test_category_page_links_each_question_page(client, financeiro):
    ArticleFactory(category=financeiro, slug="boleto")
    html = client.get("/ajuda/duvidas/financeiro/").content.decode()
    assert 'href="/ajuda/duvidas/financeiro/boleto/"' in html


@pytest.mark.parametrize("others", [1, 50])
def test_question_page_queries_stay_flat(client, financeiro, others):
    ArticleFactory(category=financeiro, slug="boleto")
    ArticleFactory.create_batch(others, category=financeiro)
    with max_queries(4):
        assert client.get("/ajuda/duvidas/financeiro/boleto/").status_code == 200
