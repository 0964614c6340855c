"""SQLite rows into PostgreSQL: how a newsroom moves up (#17).

The snapshot file is opened as a second Django database, so each column is
read through its field (booleans, dates, JSON come back as Python values)
and written through the same field for PostgreSQL. Each table is copied
with its own columns only, parents of multi-table models (Wagtail pages)
included as tables of their own; PostgreSQL checks Django's foreign keys
at commit (DEFERRABLE INITIALLY DEFERRED), so the order of tables does not
matter and one transaction either copies everything or nothing.

Search indexes are rebuilt afterwards rather than copied: SQLite keeps
them in FTS5 tables PostgreSQL has no use for.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, connections, transaction

ALIAS = "nashra_backup_source"
BATCH = 500
# Rebuilt by their own commands after the copy.
SKIPPED = {"wagtailsearch.indexentry"}


def _models():
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and meta.label_lower not in SKIPPED:
            found.append(model)
    return found


def _open_source(path):
    connections.databases[ALIAS] = {
        **connections.databases["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {},
        "CONN_HEALTH_CHECKS": False,
    }


def _close_source():
    if ALIAS in connections:
        connections[ALIAS].close()
        del connections[ALIAS]
    connections.databases.pop(ALIAS, None)


def _copy(model, cursor):
    fields = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
    rows = (
        model._base_manager.using(ALIAS)
        .order_by()
        .values_list(*[f.attname for f in fields])
        .iterator(chunk_size=BATCH)
    )
    copied, batch = 0, []
    for row in rows:
        batch.append(
            [
                f.get_db_prep_save(v, connection)
                for f, v in zip(fields, row, strict=True)
            ]
        )
        if len(batch) == BATCH:
            cursor.executemany(insert, batch)
            copied, batch = copied + len(batch), []
    if batch:
        cursor.executemany(insert, batch)
        copied += len(batch)
    return copied


def copy_into_postgres(path):
    """Replace every row of the (migrated) PostgreSQL database with the rows
    of the SQLite file at ``path``; {model label: rows copied}."""
    models = _models()
    _open_source(path)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            tables = ", ".join(
                connection.ops.quote_name(m._meta.db_table) for m in models
            )
            cursor.execute(f"TRUNCATE {tables} CASCADE")
            copied = {m._meta.label_lower: _copy(m, cursor) for m in models}
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    finally:
        _close_source()
    return copied
