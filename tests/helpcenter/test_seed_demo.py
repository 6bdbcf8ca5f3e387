import io

import pytest
from django.core.management import call_command

from helpcenter.models import Article, DocumentationPage, FaqCategory, Product
from helpcenter.search import search

pytestmark = pytest.mark.django_db


def _seed():
    """The help center's part of the demo (what ``seed_demo`` runs first), without the rest of it."""
    from helpcenter import demo

    demo.seed(io.StringIO())


def _seed_everything():
    call_command("seed_demo", "--force", stdout=io.StringIO())


def test_seed_demo_writes_at_least_five_answers_per_category():
    _seed()
    for slug in ["processo-de-compra", "area-do-cliente", "financeiro", "gestao-contratual"]:
        category = FaqCategory.objects.get(slug=slug)
        assert category.articles.published().count() >= 5, slug
    assert Article.objects.filter(featured=True).exists()
    assert all("<script" not in article.body_html for article in Article.objects.all())


def test_seed_demo_documents_every_demo_product_with_at_least_two_pages():
    _seed()
    for product in Product.objects.all():
        assert product.documentation.published().count() >= 2, product.slug


def test_seeding_twice_changes_nothing():
    _seed()
    before = (Article.objects.count(), DocumentationPage.objects.count(), FaqCategory.objects.count())
    _seed()
    assert (Article.objects.count(), DocumentationPage.objects.count(), FaqCategory.objects.count()) == before


def test_demo_content_is_searchable():
    _seed()
    assert search("cobranca").count() >= 1
    assert search("boleto").count() >= 1


def test_the_demo_carries_english_and_spanish_for_the_help_and_the_support_catalog():
    from helpcenter.translation import missing_languages
    from tickets.models import FormField, Subject, TicketForm, TicketType

    _seed_everything()
    translated = [
        *FaqCategory.objects.all(),
        *Product.objects.all(),
        *Article.objects.all(),
        *DocumentationPage.objects.all(),
    ]
    assert Article.objects.count() >= 24
    assert [item for item in translated if missing_languages(item)] == []
    for model in (Subject, TicketType, TicketForm, FormField):
        assert model.objects.exists()
        assert not model.objects.filter(**{f"{model.LANGUAGE_FIELD}_en__in": ["", None]}).exists(), model
        assert not model.objects.filter(**{f"{model.LANGUAGE_FIELD}_es__in": ["", None]}).exists(), model
    article = Article.objects.get(slug="como-emito-a-2a-via-do-boleto")
    assert "<" in article.body_html_en
    assert article.body_text_es


def test_the_demo_is_searchable_in_english_and_spanish():
    _seed()
    assert search("copy of the boleto", language="en")[:3][0].content_language == "en"
    assert search("factura", language="es")[:3][0].content_language == "es"
