"""Search in the reader's language: translations first, Portuguese for the rest; the page around it."""

import pytest
from django.utils import translation

from helpcenter.models import EmptySearch
from helpcenter.query import refresh_word_list
from helpcenter.search import search
from tests.budgets import max_queries
from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def financeiro():
    category = FaqCategoryFactory(slug="financeiro", name="Financeiro")
    category.name_en, category.name_es = "Billing", "Finanzas"
    category.save()
    return category


@pytest.fixture
def translated(financeiro):
    return ArticleFactory(
        category=financeiro,
        question="Como emito a 2ª via do boleto?",
        body="Acesse Financeiro e baixe o boleto atualizado.",
        question_en="How do I get a copy of my bank slip?",
        body_en="Open Billing and download the updated bank slips, with interest up to today.",
        question_es="¿Cómo emito la segunda vía de la boleta?",
        body_es="Abra Finanzas y descargue las facturas actualizadas.",
    )


@pytest.fixture
def portuguese_only(financeiro):
    return ArticleFactory(category=financeiro, question="Como funciona a retenção de tributos?", body="O órgão retém.")


def test_an_english_reader_finds_the_english_answer_with_english_stemming(translated, portuguese_only):
    hits = search("downloading slip", language="en")[:5]
    assert [hit.title for hit in hits] == ["How do I get a copy of my bank slip?"]
    assert hits[0].content_language == "en"
    assert hits[0].section == "Billing"
    assert "<mark>download</mark>" in hits[0].snippet


def test_a_spanish_reader_finds_the_spanish_answer(translated):
    hits = search("factura", language="es")[:5]
    assert [hit.title for hit in hits] == ["¿Cómo emito la segunda vía de la boleta?"]
    assert hits[0].content_language == "es"


def test_untranslated_answers_are_still_found_in_portuguese_and_say_so(translated, portuguese_only):
    hits = search("retenção de tributos", language="en")[:5]
    assert [hit.title for hit in hits] == ["Como funciona a retenção de tributos?"]
    assert hits[0].content_language == "pt-BR"


def test_a_portuguese_query_on_an_english_page_shows_the_translation_of_what_it_finds(translated):
    refresh_word_list()
    hits = search("segunda via boleto", language="en")[:5]
    assert [hit.title for hit in hits] == ["How do I get a copy of my bank slip?"]


def test_the_translation_ranks_before_portuguese_matches(financeiro, translated):
    ArticleFactory(category=financeiro, question="Boleto bancário: dúvidas", body="Copy não se aplica.")
    titles = [hit.title for hit in search("copy bank slip", language="en")[:5]]
    assert titles[0] == "How do I get a copy of my bank slip?"


def test_documentation_pages_are_searched_in_the_readers_language_too():
    DocumentationPageFactory(
        title="Autenticação", title_en="Authentication", body="Use o token.", body_en="Use the token."
    )
    hits = search("authenticating", language="en")[:5]
    assert [(hit.kind, hit.title, hit.content_language) for hit in hits] == [("documentation", "Authentication", "en")]


def test_portuguese_readers_search_only_portuguese(translated):
    assert search("downloading slip", language="pt-br").count() == 0
    assert search("boleto", language="pt-br")[:1][0].title == "Como emito a 2ª via do boleto?"


# The page --------------------------------------------------------------------------------------------


def test_the_page_marks_each_hit_with_its_language(client, translated, portuguese_only):
    response = client.get("/ajuda/busca/", {"q": "Billing tributos slip"}, headers={"accept-language": "en"})
    html = response.content.decode()
    assert "How do I get a copy of my bank slip?" in html
    assert 'lang="pt-BR">Como funciona a retenção de tributos?' in html
    assert 'lang="en"' not in html.split("<main", 1)[1]


def test_a_typo_offers_did_you_mean_as_a_link(client, financeiro, translated):
    refresh_word_list()
    html = client.get("/ajuda/busca/", {"q": "boelto"}).content.decode()
    assert "Você quis dizer:" in html
    assert '<a href="?q=boleto">boleto</a>' in html


def test_a_search_that_finds_nothing_is_logged_once_per_query_and_one_that_finds_is_not(client, translated):
    client.get("/ajuda/busca/", {"q": "Xilofone quântico"})
    client.get("/ajuda/busca/", {"q": "xilofone   QUÂNTICO"})
    client.get("/ajuda/busca/", {"q": "boleto"})
    assert list(EmptySearch.objects.values_list("query", "count")) == [("xilofone quântico", 2)]


def test_the_search_page_budget_stays_flat_in_english(client, financeiro, settings):
    settings.PORTAL_HELP_PAGE_CACHE = False  # what rendering it costs, not the cache

    # 6: the typo lookup, the words' frequencies, the Portuguese ranking, the English ranking, the
    # page's hits and the categories' counts.
    def answers(count):
        for n in range(count):
            ArticleFactory(category=financeiro, question=f"Pergunta {n} boleto", question_en=f"Question {n} slip")

    answers(1)
    client.get(
        "/ajuda/busca/", {"q": "boleto slip"}, headers={"accept-language": "en"}
    )  # the synonyms, cached from now on
    with translation.override("en"), max_queries(6) as one:
        assert client.get("/ajuda/busca/", {"q": "boleto slip"}, headers={"accept-language": "en"}).status_code == 200
    answers(30)
    with max_queries(6) as many:
        assert client.get("/ajuda/busca/", {"q": "boleto slip"}, headers={"accept-language": "en"}).status_code == 200
    assert len(many.captured_queries) == len(one.captured_queries)
