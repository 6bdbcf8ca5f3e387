"""The accessibility views and the shell's accessibility parts, without a browser."""

import pytest
from django.test import Client
from django.utils import translation

from helpcenter.templatetags.content_lang import content_lang, in_content_lang
from tests.factories import ArticleFactory, FaqCategoryFactory

pytestmark = pytest.mark.django_db


def test_accessibility_page_is_public_and_says_what_it_claims(client):
    response = client.get("/acessibilidade/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "WCAG" in html
    assert "nível AA" in html
    assert "Limitações conhecidas" in html
    assert "<kbd>Alt</kbd> + <kbd>4</kbd>" in html


def test_every_page_lists_the_access_keys_and_links_the_accessibility_page(client):
    html = client.get("/ajuda/").content.decode()
    for key in "1234":
        assert f'accesskey="{key}"' in html
    assert html.count('href="/acessibilidade/"') == 2  # header and footer


def test_high_contrast_post_sets_the_cookie_and_goes_back(client):
    response = client.post("/alto-contraste/", {"alto_contraste": "1", "next": "/ajuda/duvidas/"})
    assert response.status_code == 302
    assert response["Location"] == "/ajuda/duvidas/"
    assert response.cookies["alto_contraste"].value == "1"
    html = client.get("/ajuda/").content.decode()
    assert 'class="alto-contraste"' in html
    assert 'aria-pressed="true"' in html
    client.post("/alto-contraste/", {"alto_contraste": "0", "next": "/ajuda/"})
    html = client.get("/ajuda/").content.decode()
    assert 'class="alto-contraste"' not in html
    assert "high-contrast" not in html  # chosen off: not even for prefers-contrast
    assert 'aria-pressed="false"' in html


def test_without_a_choice_high_contrast_follows_the_system_preference(client):
    html = client.get("/ajuda/").content.decode()
    assert 'media="(prefers-contrast: more)"' in html
    assert 'class="alto-contraste"' not in html


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", ""])
def test_high_contrast_never_redirects_elsewhere(client, target):
    response = client.post("/alto-contraste/", {"alto_contraste": "1", "next": target})
    assert response["Location"] == "/ajuda/"


def test_high_contrast_is_csrf_protected_and_post_only():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/alto-contraste/", {"alto_contraste": "1"}).status_code == 403
    assert client.get("/alto-contraste/").status_code == 405


def test_login_has_no_autofocus_and_a_failed_login_says_error_in_the_title(client):
    html = client.get("/entrar/").content.decode()
    assert "<title>Entrar" in html
    assert "autofocus" not in html
    html = client.post("/entrar/", {"username": "x@y.example", "password": "errada"}).content.decode()
    assert "<title>Erro: Entrar" in html
    assert 'id="erros" data-error-summary' in html
    assert "data-has-errors" in html


def test_content_lang_marks_portuguese_only_on_other_languages():
    article = ArticleFactory(category=FaqCategoryFactory(slug="financeiro"))
    with translation.override("pt-br"):
        assert content_lang(article) == ""
        assert in_content_lang("Financeiro") == "Financeiro"
    with translation.override("en"):
        assert content_lang(article) == ' lang="pt-BR"'
        assert in_content_lang("Financeiro") == '<span lang="pt-BR">Financeiro</span>'
        assert content_lang("en") == ""  # content already in the page's language
        article.question_en = "How do I get a duplicate boleto?"  # translated: shown in English
        assert content_lang(article) == ""
