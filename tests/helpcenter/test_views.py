import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def financeiro():
    return FaqCategoryFactory(slug="financeiro", name="Financeiro", order=3)


@pytest.fixture
def visitor(client):
    """An anonymous visitor whose browser already holds a session (after voting, say)."""
    session = client.session
    session["seen"] = True
    session.save()
    return client


def test_help_center_pages_are_public(client, financeiro):
    ArticleFactory(category=financeiro, slug="boleto")
    product = ProductFactory(slug="datavalid")
    for path in ["/ajuda/", "/ajuda/duvidas/", "/ajuda/duvidas/financeiro/", "/ajuda/produtos/",
                 f"/ajuda/produtos/{product.slug}/", "/ajuda/busca/?q=boleto"]:  # fmt: skip
        assert client.get(path).status_code == 200, path


def test_home_lists_categories_with_counts_and_featured_questions(client, financeiro):
    ArticleFactory(category=financeiro, question="Como emitir a segunda via do boleto?", featured=True)
    ArticleFactory(category=financeiro, question="Pergunta escondida", published=False, featured=True)
    html = client.get("/ajuda/").content.decode()
    assert "Financeiro" in html
    assert "1 pergunta" in html
    assert "Como emitir a segunda via do boleto?" in html
    assert "Pergunta escondida" not in html
    assert 'action="/ajuda/busca/"' in html


def test_category_lists_published_questions_with_answers_in_order(client, financeiro):
    ArticleFactory(category=financeiro, question="Segunda pergunta", order=2)
    ArticleFactory(category=financeiro, question="Primeira pergunta", order=1, body="Resposta **forte**.")
    ArticleFactory(category=financeiro, question="Rascunho", published=False)
    html = client.get("/ajuda/duvidas/financeiro/").content.decode()
    assert html.index("Primeira pergunta") < html.index("Segunda pergunta")
    assert "<strong>forte</strong>" in html
    assert "Rascunho" not in html
    assert '<details class="faq" id="pergunta-' in html


def test_each_question_has_an_anchor_for_deep_links(client, financeiro):
    article = ArticleFactory(category=financeiro, slug="segunda-via")
    html = client.get("/ajuda/duvidas/financeiro/").content.decode()
    assert 'id="pergunta-segunda-via"' in html
    assert article.get_absolute_url() == "/ajuda/duvidas/financeiro/segunda-via/"
    assert 'href="/ajuda/duvidas/financeiro/segunda-via/"' in html  # "Link para esta pergunta"


def test_answers_are_rendered_sanitised(client, financeiro):
    ArticleFactory(category=financeiro, body="<script>alert(1)</script> [x](javascript:alert(1))")
    html = client.get("/ajuda/duvidas/financeiro/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not run
    assert "[x](javascript:alert(1))" in html  # a link to javascript: stays plain text
    assert "<script>alert" not in html
    assert 'href="javascript' not in html


def test_a_large_category_comes_in_pages_of_fifty_questions(client, financeiro):
    for n in range(1, 53):
        ArticleFactory(category=financeiro, question=f"Pergunta número {n:02}?", order=n)
    first = client.get("/ajuda/duvidas/financeiro/").content.decode()
    assert first.count('<details class="faq"') == 50
    assert "Pergunta número 01?" in first
    assert "Pergunta número 50?" in first
    assert "Pergunta número 51?" not in first
    assert "Página 1 de 2" in first
    assert 'href="?pagina=2" rel="next"' in first
    second = client.get("/ajuda/duvidas/financeiro/?pagina=2").content.decode()
    assert second.count('<details class="faq"') == 2
    assert "Pergunta número 51?" in second
    assert "Pergunta número 52?" in second
    assert "<title>Financeiro (página 2) · Dúvidas" in second
    assert 'href="?pagina=1" rel="prev"' in second


@pytest.mark.parametrize(("asked", "shown"), [("abc", "Pergunta número 01?"), ("99", "Pergunta número 51?")])
def test_a_page_number_that_is_not_one_shows_the_nearest_page(client, financeiro, asked, shown):
    for n in range(1, 52):
        ArticleFactory(category=financeiro, question=f"Pergunta número {n:02}?", order=n)
    response = client.get(f"/ajuda/duvidas/financeiro/?pagina={asked}")
    assert response.status_code == 200
    assert shown in response.content.decode()


def test_a_category_of_one_page_shows_no_pager(client, financeiro):
    ArticleFactory(category=financeiro, question="Só esta?")
    html = client.get("/ajuda/duvidas/financeiro/").content.decode()
    assert "Só esta?" in html
    assert 'class="pager"' not in html


def test_empty_category_says_so(client, financeiro):
    assert "Ainda não há perguntas publicadas" in client.get("/ajuda/duvidas/financeiro/").content.decode()


@pytest.mark.parametrize("path", ["/ajuda/duvidas/nao-existe/", "/ajuda/produtos/nao-existe/"])
def test_unknown_slugs_answer_404(client, financeiro, path):
    assert client.get(path).status_code == 404


def test_vote_on_an_unknown_question_is_404(client, financeiro):
    assert client.post("/ajuda/duvidas/financeiro/nao-existe/util/", {"helpful": "sim"}).status_code == 404
    assert client.post("/ajuda/duvidas/nao-existe/x/util/", {"helpful": "sim"}).status_code == 404


def test_inactive_product_answers_404(client):
    product = ProductFactory(active=False)
    assert client.get(f"/ajuda/produtos/{product.slug}/").status_code == 404


def test_product_list_invites_the_visitor_to_pick_a_product(client):
    ProductFactory(name="Datavalid")
    ProductFactory(name="Produto desativado", active=False)
    html = client.get("/ajuda/produtos/").content.decode()
    assert "Selecione o produto desejado na lista à esquerda" in html
    assert "Datavalid" in html
    assert "Produto desativado" not in html


def test_product_page_shows_documentation_with_a_table_of_contents_and_the_support_section(client):
    product = ProductFactory(name="Datavalid", slug="datavalid")
    DocumentationPageFactory(product=product, title="Como começar", slug="como-comecar", order=1)
    DocumentationPageFactory(product=product, title="Códigos de retorno", slug="codigos", order=2)
    DocumentationPageFactory(product=product, title="Rascunho interno", published=False)
    html = client.get("/ajuda/produtos/datavalid/").content.decode()
    assert '<h2 id="documentacao">Documentação</h2>' in html
    assert '<h2 id="suporte">Suporte</h2>' in html
    assert 'href="#doc-como-comecar"' in html
    assert 'id="doc-como-comecar"' in html
    assert html.index("Como começar") < html.index("Códigos de retorno")
    assert "Rascunho interno" not in html
    assert 'aria-current="page">Datavalid<' in html


def test_product_without_documentation_still_offers_support(client):
    product = ProductFactory()
    html = client.get(f"/ajuda/produtos/{product.slug}/").content.decode()
    assert "ainda não foi publicada" in html
    assert 'id="suporte"' in html


def test_product_support_section_does_not_fake_a_ticket_form_link(client):
    from tests.factories import TicketFormFactory

    product = ProductFactory(slug="datavalid", name="Datavalid")
    without = client.get(f"/ajuda/produtos/{product.slug}/").content.decode()
    assert 'id="suporte"' in without
    assert "/tickets/novo/" not in without  # no form yet: no link that would answer 404
    assert 'href="/suporte/novo/"' in without  # but a way to ask anyway
    TicketFormFactory(product=product, slug="suporte-datavalid", active=False)
    assert "/tickets/novo/" not in client.get(f"/ajuda/produtos/{product.slug}/").content.decode()
    TicketFormFactory(product=product, slug="suporte-datavalid-2")
    with_form = client.get(f"/ajuda/produtos/{product.slug}/").content.decode()
    assert 'href="/tickets/novo/datavalid/"' in with_form
    assert client.get("/tickets/novo/datavalid/").status_code == 200


# "Esta resposta foi útil?" ----------------------------------------------------------------------


def test_vote_counts_once_per_browser_session(client, financeiro):
    article = ArticleFactory(category=financeiro, slug="boleto")
    url = "/ajuda/duvidas/financeiro/boleto/util/"

    first = client.post(url, {"helpful": "sim"})
    second = client.post(url, {"helpful": "nao"}, follow=True)

    assert first.status_code == 302
    assert first["Location"] == "/ajuda/duvidas/financeiro/boleto/"
    article.refresh_from_db()
    assert (article.helpful_yes, article.helpful_no) == (1, 0)
    assert "Você já avaliou esta resposta" in second.content.decode()
    assert "Obrigado por avaliar esta resposta" in second.content.decode()


def test_vote_from_another_session_counts_again(client, financeiro, django_user_model):
    from django.test import Client

    article = ArticleFactory(category=financeiro, slug="boleto")
    client.post("/ajuda/duvidas/financeiro/boleto/util/", {"helpful": "nao"})
    Client().post("/ajuda/duvidas/financeiro/boleto/util/", {"helpful": "nao"})
    article.refresh_from_db()
    assert article.helpful_no == 2


def test_vote_rejects_get(client, financeiro):
    ArticleFactory(category=financeiro, slug="boleto")
    assert client.get("/ajuda/duvidas/financeiro/boleto/util/").status_code == 405


def test_vote_requires_the_csrf_token(financeiro):
    from django.test import Client

    ArticleFactory(category=financeiro, slug="boleto")
    response = Client(enforce_csrf_checks=True).post("/ajuda/duvidas/financeiro/boleto/util/", {"helpful": "sim"})
    assert response.status_code == 403


def test_vote_with_a_bad_value_explains_and_counts_nothing(client, financeiro):
    article = ArticleFactory(category=financeiro, slug="boleto")
    response = client.post("/ajuda/duvidas/financeiro/boleto/util/", {"helpful": "talvez"}, follow=True)
    assert "Escolha “Sim” ou “Não”" in response.content.decode()
    article.refresh_from_db()
    assert (article.helpful_yes, article.helpful_no) == (0, 0)


def test_vote_on_an_unpublished_article_is_404(client, financeiro):
    ArticleFactory(category=financeiro, slug="rascunho", published=False)
    assert client.post("/ajuda/duvidas/financeiro/rascunho/util/", {"helpful": "sim"}).status_code == 404


# Staff preview ----------------------------------------------------------------------------------


def test_staff_can_preview_an_unpublished_article(client, financeiro):
    article = ArticleFactory(category=financeiro, question="Rascunho do financeiro", published=False)
    client.force_login(UserFactory(is_staff=True))
    html = client.get(f"/ajuda/previa/pergunta/{article.pk}/").content.decode()
    assert "Rascunho do financeiro" in html
    assert "não está publicado" in html


def test_customers_cannot_preview(client, financeiro):
    article = ArticleFactory(category=financeiro, published=False)
    client.force_login(UserFactory())
    response = client.get(f"/ajuda/previa/pergunta/{article.pk}/")
    assert response.status_code == 302
    assert "Rascunho" not in response.content.decode()


# Query budgets: flat with 1 and with 100 items ----------------------------------------------------


@pytest.mark.parametrize("items", [1, 100])
def test_home_query_budget(visitor, django_assert_max_num_queries, financeiro, items):
    ArticleFactory.create_batch(items, category=financeiro, featured=True)
    with django_assert_max_num_queries(4):
        assert visitor.get("/ajuda/").status_code == 200


@pytest.mark.parametrize("items", [1, 100])
def test_category_query_budget(visitor, django_assert_max_num_queries, financeiro, items):
    ArticleFactory.create_batch(items, category=financeiro)
    with django_assert_max_num_queries(3):
        assert visitor.get("/ajuda/duvidas/financeiro/").status_code == 200


@pytest.mark.parametrize("items", [1, 100])
def test_product_page_query_budget(visitor, django_assert_max_num_queries, items):
    product = ProductFactory(slug="datavalid")
    ProductFactory.create_batch(items)
    DocumentationPageFactory.create_batch(items, product=product)
    with django_assert_max_num_queries(4):
        assert visitor.get("/ajuda/produtos/datavalid/").status_code == 200


@pytest.mark.parametrize("items", [1, 100])
def test_search_query_budget(visitor, django_assert_max_num_queries, financeiro, items):
    ArticleFactory.create_batch(items, category=financeiro, body="Como pagar a cobrança do mês.")
    DocumentationPageFactory.create_batch(items, body="A cobrança é mensal.")
    # The query's analysis (typos, then how rare each concept is), the ranking, the page's rows, and the
    # synonym dictionary when the cache is cold (helpcenter.query).
    with django_assert_max_num_queries(5):
        assert visitor.get("/ajuda/busca/?q=cobranca").status_code == 200


@pytest.mark.parametrize("items", [1, 100])
def test_signed_in_customer_pays_only_for_session_and_user(client, django_assert_max_num_queries, financeiro, items):
    ArticleFactory.create_batch(items, category=financeiro)
    client.force_login(UserFactory())
    with django_assert_max_num_queries(3 + 2):
        assert client.get("/ajuda/duvidas/financeiro/").status_code == 200


def test_updated_date_is_shown(client, financeiro):
    ArticleFactory(category=financeiro)
    html = client.get("/ajuda/duvidas/financeiro/").content.decode()
    assert f'datetime="{timezone.localdate().isoformat()}' in html


@pytest.mark.parametrize("path", ["/ajuda/", "/ajuda/duvidas/", "/suporte/"])
def test_faq_categories_come_in_the_seeds_order_everywhere(client, path):
    from helpcenter.models import FaqCategory
    from tests.factories import ArticleFactory, UserFactory

    FaqCategory.objects.all().delete()
    seed_order = ["Processo de Compra", "Área do Cliente", "Financeiro", "Gestão Contratual"]
    for position, name in reversed(list(enumerate(seed_order, start=1))):  # created last to first
        category = FaqCategory.objects.create(name=name, slug=f"c{position}", order=position)
        ArticleFactory.create_batch(position, category=category)  # counts differ, so grouping shuffles
    client.force_login(UserFactory())
    html = client.get(path).content.decode()
    positions = [html.find(f'href="/ajuda/duvidas/c{position}/"') for position in range(1, 5)]
    assert -1 not in positions, positions
    assert positions == sorted(positions)
