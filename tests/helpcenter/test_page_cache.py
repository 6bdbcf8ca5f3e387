"""The public help pages come from the cache for visitors without state, and never go stale."""

import re

import pytest
from django.test import Client

from tests.budgets import max_queries
from tests.factories import ArticleFactory, FaqCategoryFactory, ProductFactory, TicketFormFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def financeiro():
    category = FaqCategoryFactory(slug="financeiro", name="Financeiro")
    ArticleFactory(category=category, question="Como emito a 2ª via do boleto?", slug="segunda-via", featured=True)
    return category


def _without_tokens(response) -> str:
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


PAGES = ["/ajuda/", "/ajuda/duvidas/", "/ajuda/duvidas/financeiro/", "/ajuda/duvidas/financeiro/segunda-via/"]


@pytest.mark.parametrize("path", PAGES)
def test_a_second_visitor_gets_the_same_page_without_any_query(client, financeiro, path):
    first = client.get(path)
    assert first.status_code == 200
    with max_queries(0):
        second = Client().get(path)
    assert second.status_code == 200
    assert "Financeiro" in second.content.decode()
    assert _without_tokens(second) == _without_tokens(first)


def test_each_visitor_gets_their_own_csrf_token_and_can_post_with_it(financeiro):
    Client().get("/ajuda/duvidas/financeiro/")
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get("/ajuda/duvidas/financeiro/").content.decode()
    assert "\x00" not in html
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert visitor.cookies["csrftoken"].value
    response = visitor.post(
        "/ajuda/duvidas/financeiro/segunda-via/util/", {"helpful": "sim", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_saving_content_shows_at_once(client, financeiro):
    assert "Nova pergunta?" not in client.get("/ajuda/duvidas/financeiro/").content.decode()
    ArticleFactory(category=financeiro, question="Nova pergunta?")
    assert "Nova pergunta?" in Client().get("/ajuda/duvidas/financeiro/").content.decode()
    financeiro.name = "Faturas"
    financeiro.save()
    assert "Faturas" in Client().get("/ajuda/").content.decode()


def test_a_new_ticket_form_shows_on_the_product_page_at_once():
    product = ProductFactory(slug="datavalid", name="Datavalid")
    before = Client().get("/ajuda/produtos/datavalid/").content.decode()
    TicketFormFactory(product=product, slug="datavalid")
    after = Client().get("/ajuda/produtos/datavalid/").content.decode()
    assert before != after


def test_each_language_and_the_high_contrast_choice_has_its_own_copy(financeiro):
    portuguese = Client().get("/ajuda/").content.decode()
    english = Client(headers={"accept-language": "en"}).get("/ajuda/").content.decode()
    assert 'lang="pt-br"' in portuguese
    assert 'lang="en"' in english
    contrast = Client()
    contrast.cookies["alto_contraste"] = "1"
    assert 'class="alto-contraste"' in contrast.get("/ajuda/").content.decode()
    assert 'class="alto-contraste"' not in Client().get("/ajuda/").content.decode()


def test_signed_in_users_and_visitors_with_a_session_get_a_fresh_page(client, financeiro):
    Client().get("/ajuda/")
    client.force_login(UserFactory(name="Ana Souza"))
    html = client.get("/ajuda/").content.decode()
    assert "Ana" in html
    with max_queries(20) as fresh:
        client.get("/ajuda/")
    assert len(fresh.captured_queries) > 0


def test_search_pages_are_cached_and_a_search_that_finds_nothing_still_counts_each_time(
    financeiro, django_capture_on_commit_callbacks
):
    from helpcenter.models import EmptySearch, SynonymGroup

    Client().get("/ajuda/busca/", {"q": "boleto"})
    with max_queries(0):
        found = Client().get("/ajuda/busca/", {"q": "boleto"})
    assert "Como emito a 2ª via do boleto?" in found.content.decode()
    for _visit in range(3):
        Client().get("/ajuda/busca/", {"q": "xilofone"})
    assert EmptySearch.objects.get().count == 3
    with django_capture_on_commit_callbacks(execute=True):
        SynonymGroup.objects.create(terms="xilofone, boleto")
    assert "Como emito a 2ª via do boleto?" in Client().get("/ajuda/busca/", {"q": "xilofone"}).content.decode()
