"""The database in a backup: a consistent snapshot, and putting it back (#17).

SQLite: the online backup API copies the database page by page from one
read transaction, the newest commits still in the WAL included; a copy of
the file lost the 69 newest comments (#17). PostgreSQL: ``pg_dump`` of a
snapshot exported from a REPEATABLE READ transaction, in which the row
counts of the manifest are taken too, so they describe exactly the dump.
"""

import os
import re
import shutil
import sqlite3
import subprocess

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction

from nashra.server.backup.archive import BadArchive

SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"


def model_tables():
    """{model label: table} of every table Django manages, in a stable order."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            found[meta.label_lower] = meta.db_table
    return dict(sorted(found.items()))


def _count(cursor, tables):
    counts = {}
    for label, table in tables.items():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608  (our tables)
        counts[label] = cursor.fetchone()[0]
    return counts


def _applied(cursor):
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [f"{app}.{name}" for app, name in cursor.fetchall()]


def snapshot(folder):
    """(member name, file, row counts, applied migrations) of a snapshot."""
    if connection.vendor == "sqlite":
        return _snapshot_sqlite(folder)
    if connection.vendor == "postgresql":
        return _snapshot_postgres(folder)
    raise BadArchive(
        f"backups of {connection.vendor} databases are not supported",
        f"النسخ الاحتياطي لقواعد بيانات {connection.vendor} غير مدعوم",
    )


def _snapshot_sqlite(folder):
    path = folder / SQLITE_MEMBER
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=30)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
        # One self-contained file: no WAL beside it in the archive.
        target.execute("PRAGMA journal_mode=DELETE")
        cursor = target.cursor()
        counts, applied = _count(cursor, model_tables()), _applied(cursor)
    finally:
        target.close()
        source.close()
    return SQLITE_MEMBER, path, counts, applied


def tool(name):
    """The path of a PostgreSQL client tool at least as new as the server."""
    found = shutil.which(name)
    if found is None:
        raise BadArchive(
            f"{name} is not installed (apt-get install postgresql-client)",
            f"الأداة {name} غير مثبتة (apt-get install postgresql-client)",
        )
    output = subprocess.run(  # noqa: S603  (a fixed tool, no shell)
        [found, "--version"], capture_output=True, text=True, check=True
    ).stdout
    major = int(re.search(r"(\d+)\.", output).group(1))
    with connection.cursor():
        server = connection.pg_version // 10000
    if major < server:
        raise BadArchive(
            f"{name} {major} is older than the PostgreSQL {server} server; "
            f"install the client tools of version {server}",
            f"{name} {major} أقدم من خادم PostgreSQL {server}؛ "
            f"ثبّت أدوات الإصدار {server}",
        )
    return found


def _pg_arguments():
    database = settings.DATABASES["default"]
    arguments = []
    if database.get("HOST"):
        arguments += ["-h", database["HOST"]]
    if database.get("PORT"):
        arguments += ["-p", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["-U", database["USER"]]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, database["NAME"], environment


def _snapshot_postgres(folder):
    path = folder / POSTGRES_MEMBER
    pg_dump = tool("pg_dump")
    arguments, name, environment = _pg_arguments()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        exported = cursor.fetchone()[0]
        counts, applied = _count(cursor, model_tables()), _applied(cursor)
        subprocess.run(  # noqa: S603  (a fixed tool, no shell)
            [pg_dump, *arguments, "--format=custom", "--no-owner",
             f"--snapshot={exported}", f"--file={path}", name],
            env=environment, check=True, capture_output=True,
        )  # fmt: skip
    return POSTGRES_MEMBER, path, counts, applied


def check_sqlite_file(path):
    """Refuse a damaged database file before anything is replaced."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            applied = _applied(db.cursor())
    except sqlite3.DatabaseError:
        verdict, applied = "not a database", []
    if verdict != "ok":
        raise BadArchive(
            f"the database in the archive is damaged ({verdict})",
            f"قاعدة البيانات في الأرشيف تالفة ({verdict})",
        )
    return applied


def install_sqlite(path):
    """Put the snapshot file in place of the SQLite database, atomically."""
    target = str(settings.DATABASES["default"]["NAME"])
    connections.close_all()
    staging = target + ".restoring"
    shutil.copyfile(path, staging)
    os.chmod(staging, 0o600)
    # A WAL left beside the old file would be replayed onto the new one.
    for suffix in ("-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.unlink(target + suffix)
    os.replace(staging, target)


def install_postgres(path):
    pg_restore = tool("pg_restore")
    arguments, name, environment = _pg_arguments()
    connections.close_all()
    done = subprocess.run(  # noqa: S603  (a fixed tool, no shell)
        [pg_restore, *arguments, "--clean", "--if-exists", "--no-owner",
         "--no-privileges", "--single-transaction", f"--dbname={name}", str(path)],
        env=environment, capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise BadArchive(
            f"pg_restore failed, the database is unchanged: {done.stderr.strip()[:300]}",
            "فشل pg_restore ولم تتغير قاعدة البيانات",
        )


def check_postgres_file(path):
    pg_restore = tool("pg_restore")
    done = subprocess.run(  # noqa: S603  (a fixed tool, no shell)
        [pg_restore, "--list", str(path)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BadArchive(
            "the PostgreSQL dump in the archive is damaged",
            "ملف PostgreSQL في الأرشيف تالف",
        )


def counts_now():
    with connection.cursor() as cursor:
        return _count(cursor, model_tables())


def applied_now():
    with connection.cursor() as cursor:
        return _applied(cursor)
