"""Benchmark the Central de Ajuda: category page, product page and search at scale.

Run: DATABASE_URL=postgres://… .venv/bin/python bench/helpcenter.py [--articles 100000] [--requests 100]

It builds a throwaway test database, bulk-inserts N published questions (and N/10
documentation pages) with SQL, then reports latency (median, p95) and peak Python
memory per request for a rare and a common search term, a category and a product page.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.shell import measure  # noqa: E402


def bulk_content(articles: int) -> None:
    from tests.factories import ArticleFactory, DocumentationPageFactory, FaqCategoryFactory, ProductFactory

    category = FaqCategoryFactory(slug="financeiro", name="Financeiro")
    product = ProductFactory(slug="datavalid", name="Datavalid")
    ArticleFactory(category=category, question="A cobrança rara", body="Texto único sobre cobrança.")
    DocumentationPageFactory.create_batch(20, product=product)
    ArticleFactory.create_batch(30, category=category)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO helpcenter_article
                (category_id, question, slug, body, body_html, body_text,
                 published, "order", updated_at, featured, helpful_yes, helpful_no)
            SELECT %s, 'Pergunta sobre fatura ' || n, 'bench-' || n, '', '',
                   'Resposta sobre a fatura mensal número ' || n, true, 1000 + n, now(), false, 0, 0
              FROM generate_series(1, %s) AS n
            """,
            [category.pk, articles],
        )
        cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        bulk_content(args.articles)
        client = Client()
        print(f"database: {connection.vendor}, articles: {args.articles}, requests: {args.requests}")
        for path in [
            "/ajuda/busca/?q=cobranca",
            "/ajuda/busca/?q=fatura",
            "/ajuda/busca/?q=fatura&page=50",
            "/ajuda/produtos/datavalid/",
            "/ajuda/",
        ]:
            print(f"{path:34} {measure(client, path, args.requests)}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
