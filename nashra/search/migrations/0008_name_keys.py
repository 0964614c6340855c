"""Name keys beside the terms, ranked below them (#18).

`name_terms` holds the keys of the foreign names and brands of an article
(nashra.text.names), so that "جوجل" finds an article that wrote "غوغل".

SQLite: the column is added in place (Django would copy the table and lose
the triggers and the covering index of 0003), and the FTS5 table is made
again with a third column, then filled from SearchEntry.

PostgreSQL: the keys join `document` and `rank_document` with weight D,
the lowest, so an article that spells the name as the reader did ranks
first. They are marked lexemes ("x" + skeleton) that no term can equal.

Existing rows get their keys from the stored articles, here: the keys come
from whole words, which the stored terms (stems) no longer hold.
"""

import json
from importlib import import_module

from django.db import migrations, models
from django.db.models import TextField
from django.db.models.functions import Cast

from nashra.search.indexing import stream_text
from nashra.text.analysis import analyse_for_index

fulltext = import_module("nashra.search.migrations.0002_fulltext")
without_prefixes = import_module(
    "nashra.search.migrations.0007_sqlite_fts_without_prefix_indexes"
)
trigger_once = import_module("nashra.search.migrations.0006_postgres_trigger_once")
rank_document = import_module("nashra.search.migrations.0004_postgres_rank_document")

ADD_COLUMN = (
    "ALTER TABLE search_searchentry ADD COLUMN name_terms text NOT NULL DEFAULT ''"
)
DROP_COLUMN = "ALTER TABLE search_searchentry DROP COLUMN name_terms"

SQLITE_TABLE = """
CREATE VIRTUAL TABLE search_fts USING fts5(
    title_terms, body_terms, name_terms,
    content='search_searchentry', content_rowid='page_id',
    tokenize='unicode61 remove_diacritics 0'
)
"""
SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts (rowid, title_terms, body_terms, name_terms)
        VALUES (new.page_id, new.title_terms, new.body_terms, new.name_terms);
    END
    """,
    """
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms,
                                name_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms,
                old.name_terms);
    END
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms,
                                name_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms,
                old.name_terms);
        INSERT INTO search_fts (rowid, title_terms, body_terms, name_terms)
        VALUES (new.page_id, new.title_terms, new.body_terms, new.name_terms);
    END
    """,
]
REBUILD = "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION search_entry_document() RETURNS trigger AS $$
DECLARE
    title tsvector := to_tsvector('simple', NEW.title_terms);
    headline tsvector := setweight(title, 'A');
    names tsvector := setweight(to_tsvector('simple', NEW.name_terms), 'D');
BEGIN
    NEW.title_document := title;
    NEW.document := headline
        || setweight(to_tsvector('simple', NEW.body_terms), 'B') || names;
    NEW.rank_document := headline
        || setweight(to_tsvector('simple', array_to_string(
            (string_to_array(NEW.body_terms, ' '))[1:{rank_document.RANK_BODY_TERMS}],
            ' '
        )), 'B') || names;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""


def _postgres_trigger(columns: str) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS search_entry_document ON search_searchentry",
        f"""
        CREATE TRIGGER search_entry_document
        BEFORE INSERT OR UPDATE OF {columns} ON search_searchentry
        FOR EACH ROW EXECUTE FUNCTION search_entry_document()
        """,
    ]


FORWARD = {
    "sqlite": [
        ADD_COLUMN,
        *without_prefixes.DROP,
        SQLITE_TABLE,
        *SQLITE_TRIGGERS,
        REBUILD,
    ],
    "postgresql": [
        ADD_COLUMN,
        POSTGRES_FUNCTION,
        *_postgres_trigger("title_terms, body_terms, name_terms"),
    ],
}
REVERSE = {
    "sqlite": [
        *without_prefixes.DROP,
        DROP_COLUMN,
        without_prefixes._table(prefix=False),
        *without_prefixes.TRIGGERS,
        REBUILD,
    ],
    "postgresql": [
        *_postgres_trigger("title_terms, body_terms"),
        trigger_once.FORWARD,
        DROP_COLUMN,
    ],
}
BATCH = 500


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def fill_keys(apps, schema_editor):
    """The keys of every indexed article, from its headline, summary and body."""
    entries = apps.get_model("search", "SearchEntry")
    articles = apps.get_model("articles", "ArticlePage")
    ids = list(entries.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = (
            articles.objects.filter(pk__in=batch)
            .annotate(body_json=Cast("body", TextField()))
            .values_list("pk", "title", "summary", "body_json")
        )
        changed = []
        for pk, title, summary, body_json in rows:
            body = stream_text(json.loads(body_json) if body_json else [])
            text = "\n".join(part for part in (summary, body) if part)
            keys = analyse_for_index(title)[1] + analyse_for_index(text)[1]
            if keys:
                changed.append(entries(page_id=pk, name_terms=" ".join(keys)))
        entries.objects.bulk_update(changed, ["name_terms"])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_sqlite_fts_without_prefix_indexes"),
        ("articles", "0003_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="name_terms",
                    field=models.TextField(blank=True, default=""),
                )
            ],
            database_operations=[
                migrations.RunPython(_run(FORWARD), _run(REVERSE)),
            ],
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
