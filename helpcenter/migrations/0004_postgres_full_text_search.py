"""Full-text search on PostgreSQL: Portuguese stemming, accent-insensitive, GIN-indexed.

A text search configuration ``portal_pt`` copies ``portuguese`` and runs ``unaccent`` first,
so "cobranca" matches "cobrança". Each searchable table gets a stored generated ``tsvector``
column (heading weighted A, body B) with a GIN index. The columns are not model fields: only
``helpcenter.search`` reads them.
"""

from django.db import migrations


def searchable(column: str) -> str:
    """The column as the text search parser should see it.

    The parser reads "<word>" as markup and skips what follows "<script>", so the angle
    brackets staff may write in plain text are swapped for look-alikes first. helpcenter.search
    applies the same expression to the snippets.
    """
    return f"translate(coalesce({column}, ''), '<>', '‹›')"


TABLES = {"helpcenter_article": "question", "helpcenter_documentationpage": "title"}

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION portal_pt (COPY = pg_catalog.portuguese)",
    "ALTER TEXT SEARCH CONFIGURATION portal_pt "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem",
]
for table, heading in TABLES.items():
    FORWARD += [
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector('portal_pt', {searchable(heading)}), 'A') || "
        f"setweight(to_tsvector('portal_pt', {searchable('body_text')}), 'B')) STORED",
        f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)",
    ]

BACKWARD = [f"ALTER TABLE {table} DROP COLUMN search_vector" for table in TABLES] + [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_pt",
]


class Migration(migrations.Migration):
    dependencies = [("helpcenter", "0003_faq_categories")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
