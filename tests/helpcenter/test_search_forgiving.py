"""Search as people type: typos, other words for the same thing, ordinals, long questions; and ranking."""

import pytest

from helpcenter.models import Article, SynonymGroup
from helpcenter.query import analyse, refresh_word_list
from helpcenter.search import search
from tests.factories import ArticleFactory, FaqCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def financeiro():
    return FaqCategoryFactory(slug="financeiro", name="Financeiro")


def _titles(query, count=3):
    return [hit.title for hit in search(query)[:count]]


def _content(financeiro):
    ArticleFactory(category=financeiro, question="Como emito a 2ª via do boleto?", body="Acesse Financeiro e baixe.")
    ArticleFactory(category=financeiro, question="Como altero a minha senha?", body="Use Alterar senha no menu.")
    ArticleFactory(
        category=financeiro,
        question="Como abro e acompanho um chamado?",
        body="Em Suporte, escolha o produto e descreva o problema.",
    )
    ArticleFactory(
        category=financeiro,
        question="Como funciona a retenção de tributos?",
        body="O órgão recolhe a parte retida.",
    )
    refresh_word_list()  # what the background task does after staff save content


# Typos -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "found", "meant"),
    [
        ("boelto", "Como emito a 2ª via do boleto?", "boleto"),
        ("sennha", "Como altero a minha senha?", "senha"),
        ("chamdo", "Como abro e acompanho um chamado?", "chamado"),
    ],
)
def test_a_misspelt_word_finds_the_answer_and_offers_the_right_spelling(financeiro, typed, found, meant):
    _content(financeiro)
    results = search(typed)
    assert [hit.title for hit in results[:1]] == [found]
    assert results.suggestion == meant


def test_words_the_content_uses_are_not_corrected(financeiro):
    _content(financeiro)
    results = search("boleto")
    assert _titles("boleto") == ["Como emito a 2ª via do boleto?"]
    assert results.suggestion == ""


def test_the_suggestion_keeps_the_words_around_the_correction(financeiro):
    _content(financeiro)
    assert analyse("recuperar a sennha").suggestion == "recuperar a senha"


def test_short_words_are_never_corrected(financeiro):
    _content(financeiro)
    assert analyse("bol").suggestion == ""


def test_a_word_far_from_every_known_word_finds_nothing(financeiro):
    _content(financeiro)
    results = search("xyzzyq")
    assert results.count() == 0
    assert results.suggestion == ""


def test_a_title_that_only_looks_like_the_query_is_the_last_resort(financeiro):
    ArticleFactory(category=financeiro, question="Datavalid", body="Validação biométrica.")
    # No word list yet (nothing refreshed): the title's trigrams still find it.
    assert _titles("datavlid") == ["Datavalid"]


# Synonyms and ordinals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("segunda via boleto", "Como emito a 2ª via do boleto?"),
        ("2 via do boleto", "Como emito a 2ª via do boleto?"),
        ("2a via", "Como emito a 2ª via do boleto?"),
        ("2o via", "Como emito a 2ª via do boleto?"),
        ("reemitir boleto", "Como emito a 2ª via do boleto?"),
        ("como abrir ticket", "Como abro e acompanho um chamado?"),
        ("retencao de impostos", "Como funciona a retenção de tributos?"),
        ("mudar senha", "Como altero a minha senha?"),
    ],
)
def test_other_words_for_the_same_thing_find_the_answer(financeiro, typed, found):
    _content(financeiro)
    assert _titles(typed)[:1] == [found]


def test_a_synonym_staff_add_in_the_admin_works_at_once(financeiro, django_capture_on_commit_callbacks):
    _content(financeiro)
    assert search("comprovante de pagamento").count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        SynonymGroup.objects.create(terms="boleto, comprovante de pagamento")
    assert _titles("comprovante de pagamento")[:1] == ["Como emito a 2ª via do boleto?"]


def test_a_synonym_group_needs_two_terms():
    group = SynonymGroup(terms="boleto, ")
    with pytest.raises(Exception, match="dois termos"):
        group.full_clean()


def test_a_long_question_finds_the_answer_that_covers_most_of_it(financeiro):
    _content(financeiro)
    assert _titles("como faço para pegar a segunda via do boleto que venceu ontem")[:1] == [
        "Como emito a 2ª via do boleto?"
    ]


# Ranking -----------------------------------------------------------------------------------------


def test_answers_customers_found_helpful_rank_first_among_equals(financeiro):
    ArticleFactory(category=financeiro, question="Fatura A", body="Sobre a fatura.", helpful_yes=0, helpful_no=4)
    ArticleFactory(category=financeiro, question="Fatura B", body="Sobre a fatura.", helpful_yes=9, helpful_no=0)
    assert _titles("fatura", 2) == ["Fatura B", "Fatura A"]


def test_helpful_votes_never_outrank_a_title_match(financeiro):
    ArticleFactory(category=financeiro, question="Reajuste", body="Uma vez por ano.", helpful_yes=0)
    ArticleFactory(category=financeiro, question="Prazos", body="O reajuste é anual.", helpful_yes=500, helpful_no=0)
    assert _titles("reajuste", 2) == ["Reajuste", "Prazos"]


def test_an_answer_with_more_of_the_question_outranks_one_with_less(financeiro):
    ArticleFactory(category=financeiro, question="Boleto", body="Sobre boletos.")
    ArticleFactory(category=financeiro, question="Outro assunto", body="O boleto vencido pede a segunda via.")
    assert _titles("boleto vencido", 1) == ["Outro assunto"]


def test_a_common_word_does_not_make_the_search_score_the_whole_base(financeiro, monkeypatch):
    """Candidates come from the rare concepts; common ones only rank them (so 100k "contrato"s stay cheap)."""
    monkeypatch.setattr("helpcenter.search.SELECTIVE", 10)
    ArticleFactory.create_batch(30, category=financeiro, question="Sobre o contrato", body="O contrato.")
    ArticleFactory(category=financeiro, question="Renovação", body="Como renovar o contrato.")
    refresh_word_list()
    results = search("renovar contrato")
    assert [hit.title for hit in results[:5]] == ["Renovação"]
    assert search("contrato").count() == 31  # alone, the common word still finds everything


def test_a_search_takes_four_queries_whatever_the_size_of_the_base(financeiro, django_assert_max_num_queries):
    for size in (1, 40):
        ArticleFactory.create_batch(size, category=financeiro, question="Sobre o contrato", body="O boleto.")
        refresh_word_list()
        search("aquecimento")[:10]  # the synonym dictionary is cached after the first search
        with django_assert_max_num_queries(4):
            hits = search("contarto de boleto")[:10]
        assert len(hits) == min(10, Article.objects.count())
