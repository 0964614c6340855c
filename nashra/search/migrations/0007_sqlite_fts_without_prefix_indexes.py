"""SQLite FTS5 without the 2- and 3-character prefix indexes (#5).

They were made for search-as-you-type, which now matches headlines only.
Measured at 100,000 articles (load 13-16): headline prefix suggestions took
p50 0.1 / p99 27 ms with them and 0.3 / 33 ms without, while every indexed
article paid for them: FTS5 inserted 3,150 rows/s with them, 5,370 without.

The table is dropped and made again, then filled from SearchEntry
('rebuild': 26 s for 100,000 articles); the triggers are those of 0002.
"""

from importlib import import_module

from django.db import migrations

fulltext = import_module("nashra.search.migrations.0002_fulltext")

PREFIXES = ", prefix='2 3'"
TRIGGERS = [sql for sql in fulltext.SQLITE if "CREATE TRIGGER" in sql]
DROP = fulltext.SQLITE_REVERSE


def _table(prefix: bool) -> str:
    create = next(sql for sql in fulltext.SQLITE if "CREATE VIRTUAL TABLE" in sql)
    return create if prefix else create.replace(PREFIXES, "")


def _remake(prefix: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in [*DROP, _table(prefix), *TRIGGERS]:
            schema_editor.execute(statement)
        schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_trigger_once")]

    operations = [migrations.RunPython(_remake(False), _remake(True))]
