"""Making a backup and restoring one, step by step (#17)."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from wagtail.models import Page

from nashra.comments.models import Comment
from nashra.core import invalidate
from nashra.server.backup import archive, database, rows


def media_names(folder=""):
    """Every file in the default storage, recursively (local or object storage)."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    found = [f"{folder}{name}" for name in files]
    for name in folders:
        found += media_names(f"{folder}{name}/")
    return sorted(found)


def secret_key_file():
    return Path(settings.VAR_DIR) / "secret_key"


def make_backup(path):
    """Write the archive at ``path``; returns the manifest."""
    path = Path(path).resolve()
    writer = archive.Writer(path)
    try:
        with tempfile.TemporaryDirectory(dir=path.parent) as folder:
            member, snapshot, counts, applied = database.snapshot(Path(folder))
            with open(snapshot, "rb") as handle:
                writer.add_file(member, handle, os.path.getsize(snapshot))
        names = media_names()
        for name in names:
            with default_storage.open(name, "rb") as handle:
                writer.add_file(
                    archive.MEDIA + name, handle, default_storage.size(name)
                )
        key = secret_key_file()
        has_key = key.exists()
        if has_key:
            writer.add_bytes(archive.SECRET_KEY_MEMBER, key.read_bytes())
        manifest = {
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": connection.vendor, "member": member},
            "migrations": applied,
            "rows": counts,
            "media": len(names),
            "secret_key": has_key,
            "base_url": settings.BASE_URL,
        }
        writer.finish(manifest)
    except BaseException:
        writer.abandon()
        raise
    return manifest


def site_has_content():
    tables = connection.introspection.table_names()
    if "wagtailcore_page" not in tables:
        return False
    return Page.objects.filter(depth__gt=2).exists() or Comment.objects.exists()


def known_migrations():
    """Every migration this code knows, the ones squashes replace included
    (applying a squash records them too)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.graph.nodes) | set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    return {f"{app}.{name}" for app, name in known}


def check_versions(applied):
    """The archive's migrations must all be known to this code."""
    unknown = sorted(set(applied) - known_migrations())
    if unknown:
        raise archive.BadArchive(
            f"the backup comes from a newer Nashra ({unknown[0]}); upgrade first",
            f"النسخة من إصدار أحدث من نشرة ({unknown[0]})؛ حدّث نشرة أولاً",
        )


def restore_backup(path, *, replace=False, stdout=None):
    """Restore ``path`` into this install; raises BadArchive with nothing
    changed when the archive or the install is not fit for it."""
    var = Path(settings.VAR_DIR)
    var.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=var, prefix=".restore-") as folder:
        scratch = Path(folder)
        manifest = archive.read_verified(path, scratch)
        source = manifest["database"]["vendor"]
        snapshot = scratch / manifest["database"]["member"]
        if source == "sqlite":
            applied = database.check_sqlite_file(snapshot)
        elif source == "postgresql" and connection.vendor == "postgresql":
            database.check_postgres_file(snapshot)
            applied = manifest["migrations"]
        else:
            raise archive.BadArchive(
                "a PostgreSQL backup restores only into PostgreSQL",
                "نسخة PostgreSQL الاحتياطية تُستعاد في PostgreSQL فقط",
            )
        check_versions(applied)
        if not replace and site_has_content():
            raise archive.BadArchive(
                "this site already has content; restore into an empty install "
                "(or pass --replace to overwrite it)",
                "في هذا الموقع محتوى بالفعل؛ استعد النسخة في تثبيت فارغ "
                "(أو استعمل ‎--replace للكتابة فوقه)",
            )
        _restore_database(source, snapshot, applied)
        _restore_media(scratch / archive.MEDIA)
        if manifest.get("secret_key"):
            _restore_secret_key(scratch / archive.SECRET_KEY_MEMBER)
    cache.clear()
    invalidate.purge_site()
    return manifest


def _restore_database(source, snapshot, applied):
    if source == "sqlite" and connection.vendor == "sqlite":
        database.install_sqlite(snapshot)
        # An archive from an older Nashra: bring its schema up to this code.
        call_command("migrate", interactive=False, verbosity=0)
    elif source == "postgresql":
        database.install_postgres(snapshot)
        call_command("migrate", interactive=False, verbosity=0)
    else:
        call_command("migrate", interactive=False, verbosity=0)
        # Rows are copied column by column: both schemas must be the same.
        if set(applied) != set(database.applied_now()):
            raise archive.BadArchive(
                "moving to PostgreSQL needs a backup made by this Nashra version "
                "(run `nashra migrate` on the SQLite site, then back up again); "
                "the PostgreSQL database was only migrated",
                "النقل إلى PostgreSQL يتطلب نسخة من الإصدار نفسه من نشرة؛ "
                "لم يُنقل أي صف",
            )
        rows.copy_into_postgres(snapshot)
        call_command("update_index", verbosity=0)
        call_command("search", "reindex", verbosity=0)


def _restore_media(folder):
    if not folder.exists():
        return
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = file.relative_to(folder).as_posix()
        if default_storage.exists(name):
            default_storage.delete(name)
        with open(file, "rb") as handle:
            default_storage.save(name, handle)


def _restore_secret_key(file):
    target = secret_key_file()
    staging = target.with_name(".secret_key.restoring")
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(file.read_bytes())
    os.replace(staging, target)
