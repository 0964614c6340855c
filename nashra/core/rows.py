"""Rows written without Django's bulk_create() bookkeeping (#7, #21).

Shared by the apps' bulk write paths (importer ledger and redirects, the
articles' pages, revisions, bylines and tag links, comments and threads, #13).

bulk_create() compiles every value of every row through the SQL compiler;
on PostgreSQL, Django 5.2 then sends the rows as one array per column
(INSERT … SELECT * FROM UNNEST(…)), and psycopg writes each array as text in
Python, escaping every double quote by regular expression: for the JSON of
a hundred articles' bodies and revisions that was a quarter of a bulk
import's time under cProfile (#21). Rows go here as one multi-row VALUES statement per chunk instead,
their values prepared exactly as Django's insert prepares them (pre_save for
an added row, then get_db_prep_save). executemany(), used before for the
rows nobody reads back, is one statement per row: on PostgreSQL one round
trip and one parse each, ten a post.
"""

from django.db import connection

# Rows per statement on PostgreSQL (SQLite's own limit is lower, see
# bulk_batch_size): a hundred posts' redirects fit in one.
MAX_ROWS = 1000


def _fields(model, fields):
    if fields is not None:
        return list(fields)
    meta = model._meta
    return [f for f in meta.local_concrete_fields if f is not meta.auto_field]


def _values(obj, fields, given) -> tuple:
    values = []
    for f in fields:
        if f.attname in given and getattr(obj, f.attname) is not None:
            value = getattr(obj, f.attname)
        else:
            value = f.pre_save(obj, True)
        values.append(f.get_db_prep_save(value, connection))
    return tuple(values)


def _chunks(fields, objects):
    size = min(max(connection.ops.bulk_batch_size(fields, objects), 1), MAX_ROWS)
    for start in range(0, len(objects), size):
        yield objects[start : start + size]


def _execute_insert(cursor, model, fields, rows: list[tuple], suffix="") -> None:
    """One INSERT … VALUES of `rows`, values already prepared.

    On PostgreSQL each row is quoted on its own by psycopg (mogrify(), the
    quoting its client-side cursor applies to any query): psycopg finds the
    placeholders of a query in Python, and for a statement of thousands of
    them, too long for its cache, that cost ten times the quoting (#21).
    """
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    # Table and column names are the model's own, never input.
    head = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES "  # noqa: S608
    mogrify = getattr(cursor.cursor, "mogrify", None)
    if connection.vendor == "postgresql" and mogrify is not None:
        cursor.execute(
            head + ", ".join(mogrify(row, values) for values in rows) + suffix
        )
    else:
        params = [value for values in rows for value in values]
        cursor.execute(head + ", ".join([row] * len(rows)) + suffix, params)


def insert_rows(model, objects: list, *, fields=None, given=frozenset()) -> None:
    """Insert unsaved `objects` of `model`; their primary keys stay unset.

    `fields` defaults to the model's own concrete fields but its automatic
    primary key; a field named in `given` keeps the object's value when it
    has one, instead of what pre_save() would put (auto_now_add's now).
    """
    if not objects:
        return
    fields = _fields(model, fields)
    with connection.cursor() as cursor:
        for chunk in _chunks(fields, objects):
            rows = [_values(obj, fields, given) for obj in chunk]
            _execute_insert(cursor, model, fields, rows)


def insert_returning(model, objects: list, *, fields=None, given=frozenset()) -> None:
    """insert_rows(), reading back each new primary key as bulk_create() does
    (RETURNING, SQLite 3.35+ and PostgreSQL): ids follow the list's order.

    As bulk_create(), a foreign key given as an object saved after it was
    assigned (a comment's article, a reply's parent inserted just before) is
    read from that object, and one still unsaved is refused.
    """
    if not objects:
        return
    fields = _fields(model, fields)
    pk = model._meta.pk
    returning = f" RETURNING {connection.ops.quote_name(pk.column)}"
    with connection.cursor() as cursor:
        for chunk in _chunks(fields, objects):
            rows = []
            for obj in chunk:
                # bulk_create()'s own step (core/tests/test_rows.py guards it).
                obj._prepare_related_fields_for_save(operation_name="bulk_create")
                rows.append(_values(obj, fields, given))
            _execute_insert(cursor, model, fields, rows, returning)
            ids = [row[0] for row in cursor.fetchall()]
            for obj, new_id in zip(chunk, ids, strict=True):
                setattr(obj, pk.attname, new_id)
                obj._state.adding = False
                obj._state.db = connection.alias


def update_rows(model, fields, rows: list[tuple]) -> None:
    """Set `fields` of existing rows: each row is (value for each field…, pk),
    values already prepared for the database.

    One statement per chunk on PostgreSQL (UPDATE … FROM VALUES); one run
    per row elsewhere, where executemany() costs no round trip. Django's
    bulk_update() builds a CASE per column and row, slower than the rows it
    saves for a hundred pages.
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk = model._meta.pk
    if connection.vendor != "postgresql":
        sets = ", ".join(f"{quote(f.column)} = %s" for f in fields)
        # Table and column names are the model's own, never input.
        sql = f"UPDATE {table} SET {sets} WHERE {quote(pk.column)} = %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        return
    every = [*fields, pk]
    names = [f"v{n}" for n in range(len(every))]
    # Cast, or a column of NULLs only would be text.
    row = "(" + ", ".join(f"%s::{f.cast_db_type(connection)}" for f in every) + ")"
    sets = ", ".join(
        f"{quote(f.column)} = v.{name}" for f, name in zip(fields, names, strict=False)
    )
    with connection.cursor() as cursor:
        mogrify = cursor.cursor.mogrify
        for start in range(0, len(rows), MAX_ROWS):
            chunk = rows[start : start + MAX_ROWS]
            sql = (
                f"UPDATE {table} SET {sets} FROM (VALUES "  # noqa: S608
                f"{', '.join(mogrify(row, values) for values in chunk)}) "
                f"AS v({', '.join(names)}) "
                f"WHERE {table}.{quote(pk.column)} = v.{names[-1]}"
            )
            cursor.execute(sql)
