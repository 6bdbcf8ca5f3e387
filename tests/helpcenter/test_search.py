import pytest
from django.db import connection

from helpcenter.search import search
from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def financeiro():
    return FaqCategoryFactory(slug="financeiro", name="Financeiro")


def _titles(results, count=50):
    return [hit.title for hit in results[:count]]


def test_search_without_accents_finds_words_with_accents(financeiro):
    ArticleFactory(category=financeiro, question="Como funciona a cobrança pelo consumo?", body="Mensal.")
    ArticleFactory(category=financeiro, question="Outra pergunta", body="Nada a ver.")
    assert _titles(search("cobranca")) == ["Como funciona a cobrança pelo consumo?"]
    assert _titles(search("COBRANÇA")) == ["Como funciona a cobrança pelo consumo?"]


def test_search_understands_portuguese_word_forms(financeiro):
    ArticleFactory(category=financeiro, question="Boletos vencidos", body="Pague os boletos em atraso.")
    assert _titles(search("boleto")) == ["Boletos vencidos"]


def test_search_covers_questions_and_documentation(financeiro):
    ArticleFactory(category=financeiro, question="Nota fiscal", body="A nota fiscal é emitida após o pagamento.")
    product = ProductFactory(name="Consulta NF-e", slug="consulta-nfe")
    DocumentationPageFactory(product=product, title="Primeiros passos", slug="inicio", body="Consulte a nota fiscal.")
    hits = search("nota fiscal")[:10]
    assert {(hit.kind, hit.section) for hit in hits} == {("article", "Financeiro"), ("documentation", "Consulta NF-e")}
    assert "/ajuda/produtos/consulta-nfe/#doc-inicio" in {hit.url for hit in hits}


def test_a_match_in_the_title_ranks_above_a_match_in_the_body(financeiro):
    ArticleFactory(category=financeiro, question="Prazos em geral", body="Inclui o reajuste anual do contrato.")
    ArticleFactory(category=financeiro, question="Reajuste do contrato", body="Acontece uma vez por ano.")
    assert _titles(search("reajuste"))[0] == "Reajuste do contrato"


def test_unpublished_content_never_appears_in_search(financeiro):
    ArticleFactory(category=financeiro, question="Cobrança publicada", body="cobrança")
    ArticleFactory(category=financeiro, question="Cobrança em rascunho", body="cobrança", published=False)
    DocumentationPageFactory(title="Cobrança rascunho doc", body="cobrança", published=False)
    DocumentationPageFactory(title="Cobrança de produto inativo", body="cobrança", product=ProductFactory(active=False))
    results = search("cobrança")
    assert results.count() == 1
    assert _titles(results) == ["Cobrança publicada"]


def test_snippets_highlight_the_match_and_escape_the_rest(financeiro):
    ArticleFactory(category=financeiro, question="Pergunta", body="No `<script>`, Itaú & cia: pague a cobrança em dia.")
    snippet = str(search("cobranca")[:1][0].snippet)
    assert "<mark>cobrança</mark>" in snippet
    assert "<script>" not in snippet
    assert "Itaú &amp; cia" in snippet


def test_results_are_sliced_in_pages(financeiro):
    ArticleFactory.create_batch(25, category=financeiro, body="Sobre a fatura do mês.")
    results = search("fatura")
    assert results.count() == 25
    first, second = results[0:10], results[20:30]
    assert len(first) == 10
    assert len(second) == 5
    assert not {hit.url for hit in first} & {hit.url for hit in second}


def test_queries_with_only_punctuation_or_stop_words_find_nothing_without_error(financeiro):
    ArticleFactory(category=financeiro)
    for query in ['"', "!!!", "de a o", "-", "& | !", "'); DROP TABLE helpcenter_article; --"]:
        assert search(query).count() == 0, query


def test_search_is_case_and_accent_insensitive_and_skips_drafts(financeiro):
    ArticleFactory(category=financeiro, question="Como funciona a cobrança?", body="Pelo consumo mensal.")
    ArticleFactory(category=financeiro, question="Rascunho da cobrança", body="x", published=False)
    assert search("COBRANCA mensal").count() == 1
    assert _titles(search("cobranca")) == ["Como funciona a cobrança?"]
    # Forgiving: an answer that has half of the words is still offered; none of them, nothing.
    assert _titles(search("cobranca inexistente")) == ["Como funciona a cobrança?"]
    assert search("inexistente").count() == 0


# The page ----------------------------------------------------------------------------------------


def test_search_page_shows_results_with_highlights(client, financeiro):
    ArticleFactory(
        category=financeiro, question="Segunda via do boleto", body="Emita a segunda via na Área do Cliente."
    )
    html = client.get("/ajuda/busca/", {"q": "boleto"}).content.decode()
    assert "1 resultado para “boleto”" in html
    assert "Segunda via do <mark>boleto</mark>" not in html  # titles are plain; snippets carry the marks
    assert "Segunda via do boleto" in html


def test_empty_search_explains_and_suggests_categories(client, financeiro):
    html = client.get("/ajuda/busca/?q=").content.decode()
    assert "Digite uma ou mais palavras" in html
    assert "Financeiro" in html


def test_no_results_suggests_categories_and_opening_a_ticket(client, financeiro):
    html = client.get("/ajuda/busca/", {"q": "xyzzy"}).content.decode()
    assert "Nenhum resultado para “xyzzy”" in html
    assert "Financeiro" in html
    assert "Ver produtos e suporte" in html


def test_too_long_query_is_refused_with_a_message_and_kept_in_the_box(client):
    query = "boleto " * 30
    response = client.get("/ajuda/busca/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "no máximo 100 caracteres" in html
    assert f'value="{query}"' in html.replace("&quot;", '"') or query.strip() in html


def test_query_is_escaped_on_the_page(client):
    html = client.get("/ajuda/busca/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_bad_page_numbers_fall_back_to_a_valid_page(client, financeiro):
    ArticleFactory.create_batch(12, category=financeiro, body="fatura")
    for page in ["abc", "999", "-1"]:
        assert client.get("/ajuda/busca/", {"q": "fatura", "page": page}).status_code == 200


def test_pager_links_keep_the_query(client, financeiro):
    ArticleFactory.create_batch(12, category=financeiro, body="fatura")
    html = client.get("/ajuda/busca/", {"q": "fatura"}).content.decode()
    assert "?q=fatura&amp;page=2" in html


def test_nul_characters_get_a_friendly_400_not_a_500(client):
    assert client.get("/ajuda/busca/", {"q": "boleto"}).status_code == 200
    response = client.get("/ajuda/busca/", {"q": "bol\x00eto"})
    assert response.status_code == 400
    assert "Pedido inválido" in response.content.decode()


# Scale -------------------------------------------------------------------------------------------


def test_search_uses_the_gin_index_at_100k_articles(financeiro):
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO helpcenter_article
                (category_id, question, slug, body, body_html, body_text,
                 published, "order", updated_at, featured, helpful_yes, helpful_no)
            SELECT %s, 'Pergunta número ' || n, 'p-' || n, 'texto', '', 'Resposta sobre o assunto ' || n,
                   true, n, now(), false, 0, 0
              FROM generate_series(1, 100000) AS n
            """,
            [financeiro.pk],
        )
        ArticleFactory(category=financeiro, question="A cobrança rara", body="cobrança")
        cursor.execute("ANALYZE helpcenter_article")
        cursor.execute(
            "EXPLAIN SELECT id FROM helpcenter_article "
            "WHERE published AND search_vector @@ websearch_to_tsquery('portal_pt', %s)",
            ["cobranca"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "helpcenter_article_search" in plan, plan
    assert "Seq Scan" not in plan, plan
    assert _titles(search("cobranca")) == ["A cobrança rara"]


def test_words_after_angle_brackets_are_still_found(financeiro):
    ArticleFactory(category=financeiro, question="Cabeçalhos", body="Envie o cabeçalho `<script>` e depois a fatura.")
    assert _titles(search("fatura")) == ["Cabeçalhos"]
