"""Rows written without Django's bulk_create() bookkeeping (#7).

Shared by the apps' bulk write paths (importer ledger and redirects, the
articles' bylines and tag links when no revision needs their ids, #13).

bulk_create() compiles every value of every row through the SQL compiler
and asks the database for the new ids; for the redirects and ledger rows of
a bulk import (five to ten a post, whose ids nobody reads) that was a tenth
of the import's CPU. Values are prepared exactly as Django's insert prepares
them (pre_save for an added row, then get_db_prep_save), and sent with one
executemany() statement.
"""

from django.db import connection


def insert_rows(model, objects: list) -> None:
    """Insert unsaved `objects` of `model`; their primary keys stay unset."""
    if not objects:
        return
    meta = model._meta
    fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [
        tuple(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields)
        for obj in objects
    ]
    # Table and column names are the model's own, never input.
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
