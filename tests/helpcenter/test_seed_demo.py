import io

import pytest
from django.core.management import call_command

from helpcenter.models import Article, DocumentationPage, FaqCategory, Product
from helpcenter.search import search

pytestmark = pytest.mark.django_db


def _seed():
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
