"""Small tsvectors for ranking and for suggestions on PostgreSQL (#5).

ts_rank_cd over `document` read every match's whole tsvector, compressed
and stored out of line (about 3 KB for a 300-word article): 100-250 ms for a
common word at 100,000 articles. `rank_document` holds the headline and the
first RANK_BODY_TERMS terms of the text, weighted as in `document`, small
enough to stay in the row. Matching still uses `document` and its GIN index,
so every word of the article is found; only the order reads the lead, as a
news reader weighs it. For an article no longer than that, the rank is
exactly the one `document` gives.

`title_document` holds the headline alone, with its own GIN index, for the
suggestions under the search box: they show headlines, and a prefix matched
in every body was as slow as the ranking.
"""

from django.db import migrations

RANK_BODY_TERMS = 100

FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN rank_document tsvector",
    "ALTER TABLE search_searchentry ALTER COLUMN rank_document SET STORAGE MAIN",
    "ALTER TABLE search_searchentry ADD COLUMN title_document tsvector",
    f"""
    CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger AS $$
    BEGIN
        NEW.document :=
            setweight(to_tsvector('simple', NEW.title_terms), 'A')
            || setweight(to_tsvector('simple', NEW.body_terms), 'B');
        NEW.rank_document :=
            setweight(to_tsvector('simple', NEW.title_terms), 'A')
            || setweight(to_tsvector('simple', array_to_string(
                (string_to_array(NEW.body_terms, ' '))[1:{RANK_BODY_TERMS}], ' '
            )), 'B');
        NEW.title_document := to_tsvector('simple', NEW.title_terms);
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    # Fires the trigger on every row.
    "UPDATE search_searchentry SET title_terms = title_terms",
    "CREATE INDEX search_entry_title_gin ON search_searchentry "
    "USING GIN (title_document)",
]
REVERSE = [
    """
    CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger AS $$
    BEGIN
        NEW.document :=
            setweight(to_tsvector('simple', NEW.title_terms), 'A')
            || setweight(to_tsvector('simple', NEW.body_terms), 'B');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    "DROP INDEX IF EXISTS search_entry_title_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS title_document",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS rank_document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_covering_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(REVERSE))]
