"""Slim SearchEntry rows on PostgreSQL: every long value out of line (#5).

Relevance picks its pool among the newest matches (backends/postgres.py):
the GIN index finds the matching rows and only their dates are read. With
`rank_document` kept in the row (migration 0004), a row was ~2 KB and the
heap ~200 MB at 100,000 articles: finding the newest of a common word's
35,000 matches read 20,000 pages. A toast_tuple_target of 128 bytes moves
the terms and the tsvectors out of line (rank_document uncompressed: its
positions do not compress), leaving ~130-byte rows, a 13 MB heap.

VACUUM FULL rewrites the existing rows with the new settings; it cannot run
inside a transaction, hence a non-atomic migration.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)",
    "ALTER TABLE search_searchentry ALTER COLUMN rank_document SET STORAGE EXTERNAL",
    "VACUUM FULL search_searchentry",
]
REVERSE = [
    "ALTER TABLE search_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE search_searchentry ALTER COLUMN rank_document SET STORAGE MAIN",
    "VACUUM FULL search_searchentry",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("search", "0004_postgres_rank_document")]

    operations = [migrations.RunPython(_run(FORWARD), _run(REVERSE))]
