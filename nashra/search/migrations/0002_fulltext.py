"""Full-text structures over SearchEntry, one per database (#5).

SQLite: an external-content FTS5 table kept in step by triggers. The terms
are already analysed, so the tokenizer only splits on spaces; prefix indexes
of two and three characters keep search-as-you-type fast.

PostgreSQL: a tsvector column built with the 'simple' configuration (our
analysis has already normalised and stemmed every word), headline weighted
A and text B, filled by a trigger and searched through a GIN index.
"""

from django.db import migrations

SQLITE = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, body_terms,
        content='search_searchentry', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts (rowid, title_terms, body_terms)
        VALUES (new.page_id, new.title_terms, new.body_terms);
    END
    """,
    """
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms);
    END
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.page_id, old.title_terms, old.body_terms);
        INSERT INTO search_fts (rowid, title_terms, body_terms)
        VALUES (new.page_id, new.title_terms, new.body_terms);
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES = [
    "ALTER TABLE search_searchentry ADD COLUMN document tsvector",
    """
    CREATE FUNCTION search_entry_document() RETURNS trigger AS $$
    BEGIN
        NEW.document :=
            setweight(to_tsvector('simple', NEW.title_terms), 'A')
            || setweight(to_tsvector('simple', NEW.body_terms), 'B');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER search_entry_document
    BEFORE INSERT OR UPDATE OF title_terms, body_terms ON search_searchentry
    FOR EACH ROW EXECUTE FUNCTION search_entry_document()
    """,
    "CREATE INDEX search_entry_document_gin ON search_searchentry USING GIN (document)",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS search_entry_document ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_entry_document()",
    "DROP INDEX IF EXISTS search_entry_document_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        connection = schema_editor.connection
        statements = statements_by_vendor.get(connection.vendor)
        if statements is None:
            raise RuntimeError(
                f"Nashra search needs SQLite or PostgreSQL, not {connection.vendor}"
            )
        if connection.vendor == "sqlite":
            _require_fts5(connection)
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return run


def _require_fts5(connection):
    import django.db

    with connection.cursor() as cursor:
        try:
            cursor.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        except django.db.OperationalError as error:
            raise RuntimeError("Nashra search needs SQLite with FTS5") from error
        cursor.execute("DROP TABLE temp.fts5_probe")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
