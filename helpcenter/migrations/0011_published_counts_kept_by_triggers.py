"""Per-category counts of published answers, kept by statement-level triggers (helpcenter.models.PublishedCount).

Each trigger sees the rows its statement changed (transition tables), so a bulk INSERT of 100k
answers costs one grouped upsert, not 100k. Counts are filled from the answers already there.
Reversing drops the triggers and the function; the table goes with the model.
"""

from django.db import migrations, models

FUNCTION = """
CREATE FUNCTION helpcenter_count_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Each branch names only the transition tables its statement has.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO helpcenter_publishedcount AS counted (category_id, published)
        SELECT category_id, count(*) FROM new_rows WHERE published GROUP BY category_id
        ON CONFLICT (category_id) DO UPDATE SET published = counted.published + EXCLUDED.published;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO helpcenter_publishedcount AS counted (category_id, published)
        SELECT category_id, -count(*) FROM old_rows WHERE published GROUP BY category_id
        ON CONFLICT (category_id) DO UPDATE SET published = counted.published + EXCLUDED.published;
    ELSE
        -- An UPDATE that leaves "published" and the category alone (a vote) nets to zero: no write.
        INSERT INTO helpcenter_publishedcount AS counted (category_id, published)
        SELECT category_id, sum(delta) FROM (
            SELECT category_id, 1 AS delta FROM new_rows WHERE published
            UNION ALL
            SELECT category_id, -1 FROM old_rows WHERE published
        ) AS changed
        GROUP BY category_id HAVING sum(delta) <> 0
        ON CONFLICT (category_id) DO UPDATE SET published = counted.published + EXCLUDED.published;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER helpcenter_article_count_insert AFTER INSERT ON helpcenter_article
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION helpcenter_count_published();
CREATE TRIGGER helpcenter_article_count_update AFTER UPDATE ON helpcenter_article
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION helpcenter_count_published();
CREATE TRIGGER helpcenter_article_count_delete AFTER DELETE ON helpcenter_article
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION helpcenter_count_published();

INSERT INTO helpcenter_publishedcount (category_id, published)
SELECT category_id, count(*) FROM helpcenter_article WHERE published GROUP BY category_id;
"""

DROP_FUNCTION = """
DROP TRIGGER helpcenter_article_count_insert ON helpcenter_article;
DROP TRIGGER helpcenter_article_count_update ON helpcenter_article;
DROP TRIGGER helpcenter_article_count_delete ON helpcenter_article;
DROP FUNCTION helpcenter_count_published();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("helpcenter", "0010_search_in_english_and_spanish"),
    ]

    operations = [
        migrations.CreateModel(
            name="PublishedCount",
            fields=[
                ("category_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("published", models.IntegerField(default=0)),
            ],
            options={
                "verbose_name": "contagem de perguntas publicadas",
                "verbose_name_plural": "contagens de perguntas publicadas",
            },
        ),
        migrations.RunSQL(FUNCTION, DROP_FUNCTION),
    ]
