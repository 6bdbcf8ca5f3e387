"""Full-text search in the reader's language: English and Spanish columns beside the Portuguese one.

Text search configurations ``portal_en`` and ``portal_es`` copy ``english`` and ``spanish`` and run
``unaccent`` first, as ``portal_pt`` does (migration 0004). Each searchable table gets stored
generated ``search_vector_en`` and ``search_vector_es`` columns over the translated heading
(weight A) and body (B), GIN-indexed. Untranslated rows have empty vectors: the Portuguese search
covers them (helpcenter.search).
"""

from django.db import migrations

TABLES = {"helpcenter_article": "question", "helpcenter_documentationpage": "title"}
LANGUAGES = {"en": "english", "es": "spanish"}


def searchable(column: str) -> str:
    """As in migration 0004: angle brackets swapped for look-alikes before the parser sees them."""
    return f"translate(coalesce({column}, ''), '<>', '‹›')"


FORWARD, BACKWARD = [], []
for code, dictionary in LANGUAGES.items():
    FORWARD += [
        f"CREATE TEXT SEARCH CONFIGURATION portal_{code} (COPY = pg_catalog.{dictionary})",
        f"ALTER TEXT SEARCH CONFIGURATION portal_{code} "
        f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}_stem",
    ]
    for table, heading in TABLES.items():
        FORWARD += [
            f"ALTER TABLE {table} ADD COLUMN search_vector_{code} tsvector GENERATED ALWAYS AS ("
            f"setweight(to_tsvector('portal_{code}', {searchable(f'{heading}_{code}')}), 'A') || "
            f"setweight(to_tsvector('portal_{code}', {searchable(f'body_text_{code}')}), 'B')) STORED",
            f"CREATE INDEX {table}_search_{code} ON {table} USING gin (search_vector_{code})",
        ]
        BACKWARD.append(f"ALTER TABLE {table} DROP COLUMN search_vector_{code}")
    BACKWARD.append(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_{code}")


class Migration(migrations.Migration):
    dependencies = [("helpcenter", "0009_content_in_three_languages")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
