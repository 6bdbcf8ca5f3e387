"""Each category's count of published answers, kept by PostgreSQL triggers, whatever writes the answers."""

import pytest
from django.core.management import call_command
from django.db import connection

from helpcenter.models import Article, FaqCategory
from tests.budgets import max_queries
from tests.factories import ArticleFactory, FaqCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_other_categories():
    FaqCategory.objects.all().delete()  # the data migration's own, with their answers


def counts():
    return {category.slug: category.published_articles for category in FaqCategory.objects.with_published_counts()}


def real_counts():
    return {category.slug: category.articles.filter(published=True).count() for category in FaqCategory.objects.all()}


def test_the_count_follows_answers_created_unpublished_moved_and_deleted():
    billing = FaqCategoryFactory(slug="financeiro")
    access = FaqCategoryFactory(slug="acesso")
    assert counts() == {"financeiro": 0, "acesso": 0}  # a category with no answers yet says 0

    first, second, _third = ArticleFactory.create_batch(3, category=billing)
    ArticleFactory(category=billing, published=False)
    assert counts() == {"financeiro": 3, "acesso": 0}

    first.published = False
    first.save()
    second.category = access
    second.save()
    assert counts() == {"financeiro": 1, "acesso": 1}

    Article.objects.filter(category=billing).update(published=True)  # one statement, many rows
    assert counts() == {"financeiro": 3, "acesso": 1}

    second.delete()
    billing_answers = Article.objects.filter(category=billing)
    billing_answers.filter(published=False).delete()
    assert counts() == real_counts() == {"financeiro": 3, "acesso": 0}


def test_a_bulk_insert_in_plain_sql_is_counted_in_one_go():
    category = FaqCategoryFactory(slug="financeiro")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO helpcenter_article (category_id, question, slug, body, body_html, body_text,
                   published, "order", updated_at, featured, helpful_yes, helpful_no)
            SELECT %s, 'Pergunta ' || n, 'p-' || n, '', '', '', n %% 4 <> 0, n, now(), false, 0, 0
              FROM generate_series(1, 2000) AS n
            """,
            [category.pk],
        )
    assert counts() == real_counts() == {"financeiro": 1500}


def test_a_vote_changes_no_count_and_writes_no_counter():
    article = ArticleFactory(category=FaqCategoryFactory(slug="financeiro"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT xmin::text FROM helpcenter_publishedcount")
        before = cursor.fetchone()
        Article.objects.filter(pk=article.pk).update(helpful_yes=5)
        cursor.execute("SELECT xmin::text FROM helpcenter_publishedcount")
        after = cursor.fetchone()
    assert counts() == {"financeiro": 1}
    assert before == after  # the counter row was not rewritten


def test_a_category_emptied_and_deleted_leaves_no_count_behind_and_a_new_one_starts_at_zero():
    old = FaqCategoryFactory(slug="antiga")
    ArticleFactory.create_batch(2, category=old)
    old.articles.all().delete()  # answers protect their category: they go first
    old.delete()
    FaqCategoryFactory(slug="nova")
    assert counts() == {"nova": 0}


def test_the_help_index_reads_the_counters_not_the_answers():
    category = FaqCategoryFactory(slug="financeiro")
    ArticleFactory.create_batch(3, category=category)
    query = str(FaqCategory.objects.with_published_counts().query)
    assert "helpcenter_publishedcount" in query
    assert "helpcenter_article" not in query
    with max_queries(1):
        assert counts() == {"financeiro": 3}


def test_the_migration_reverses_and_applies_again_with_counts_filled_from_the_answers():
    category = FaqCategoryFactory(slug="financeiro")
    ArticleFactory.create_batch(2, category=category)
    call_command("migrate", "helpcenter", "0010", verbosity=0)
    ArticleFactory(category=category)  # written while no trigger counts
    call_command("migrate", "helpcenter", verbosity=0)
    assert counts() == {"financeiro": 3}
