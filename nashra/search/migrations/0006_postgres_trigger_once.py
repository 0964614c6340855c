"""The tsvector trigger analyses the headline once on PostgreSQL (#5).

Migration 0004's trigger ran to_tsvector() on the headline three times
(document, rank_document, title_document); the tsvectors are most of the
cost of writing a row, and `nashra search reindex` writes 100,000.
"""

from importlib import import_module

from django.db import migrations

previous = import_module("nashra.search.migrations.0004_postgres_rank_document")

FORWARD = f"""
CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger AS $$
DECLARE
    title tsvector := to_tsvector('simple', NEW.title_terms);
    headline tsvector := setweight(title, 'A');
BEGIN
    NEW.title_document := title;
    NEW.document := headline
        || setweight(to_tsvector('simple', NEW.body_terms), 'B');
    NEW.rank_document := headline
        || setweight(to_tsvector('simple', array_to_string(
            (string_to_array(NEW.body_terms, ' '))[1:{previous.RANK_BODY_TERMS}], ' '
        )), 'B');
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""
# 0004's own definition of the function.
REVERSE = next(sql for sql in previous.FORWARD if "FUNCTION" in sql)


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_postgres_slim_rows")]

    operations = [migrations.RunPython(_run(FORWARD), _run(REVERSE))]
