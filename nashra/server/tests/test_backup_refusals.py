"""A bad archive, or an install it does not fit, is refused with nothing changed (#17).

One line in English and Arabic, exit status 2: not a traceback, and not a
database half replaced by a file that turned out to be truncated.
"""

import io
import json
import shutil
import sqlite3
import tarfile
import tempfile
from contextlib import redirect_stderr
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings

from nashra.core.tests.factories import build_newspaper
from nashra.server.backup import archive, database


def sqlite_snapshot(path, applied):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE django_migrations (app TEXT, name TEXT)")
        db.executemany(
            "INSERT INTO django_migrations VALUES (?, ?)",
            [name.split(".", 1) for name in applied],
        )
    db.close()
    return path.read_bytes()


def applied_here():
    return database.applied_now()


class RefusalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="nashra-restore-"))
        self.var = self.folder / "var"
        self.var.mkdir()
        (self.var / "secret_key").write_text("the-current-key")
        self.enterContext(override_settings(VAR_DIR=self.var))

    def tearDown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def write(self, members, manifest=None):
        path = self.folder / "backup.tar.gz"
        writer = archive.Writer(path)
        for name, data in members.items():
            writer.add_bytes(name, data)
        writer.finish(
            manifest
            or {"database": {"vendor": "sqlite", "member": database.SQLITE_MEMBER},
                "rows": {}, "media": 0, "secret_key": True,
                "created_at": "2026-12-02T00:00:00+00:00"}
        )  # fmt: skip
        return path

    def valid_members(self, applied=None):
        snapshot = sqlite_snapshot(
            self.folder / "snapshot.sqlite3", applied or applied_here()
        )
        return {
            database.SQLITE_MEMBER: snapshot,
            archive.MEDIA + "original_images/x.jpg": b"\xff\xd8 picture",
            archive.SECRET_KEY_MEMBER: b"the-old-key",
        }

    def refused(self, path, *words, replace=True):
        rows_before = database.counts_now()
        stderr = io.StringIO()
        with redirect_stderr(stderr), self.assertRaises(SystemExit) as stop:
            call_command("restore", str(path), replace=replace, stderr=stderr)
        self.assertEqual(stop.exception.code, 2)
        line = stderr.getvalue().strip()
        self.assertEqual(len(line.splitlines()), 1, line)
        self.assertIn(" / ", line)  # English / Arabic
        self.assertRegex(line, "[\u0600-\u06ff]")
        for word in words:
            self.assertIn(word, line)
        self.assertNotIn("Traceback", line)
        # Nothing changed: rows, the secret key, no scratch folder left behind.
        self.assertEqual(database.counts_now(), rows_before)
        self.assertEqual((self.var / "secret_key").read_text(), "the-current-key")
        self.assertEqual(sorted(p.name for p in self.var.iterdir()), ["secret_key"])
        return line

    def test_not_an_archive(self):
        path = self.folder / "notes.tar.gz"
        path.write_bytes(b"these are not the bytes of a backup")
        self.refused(path, "not a Nashra backup")

    def test_missing_file(self):
        self.refused(self.folder / "nowhere.tar.gz", "no such file")

    def test_truncated_archive(self):
        path = self.write(self.valid_members())
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        self.refused(path, "damaged or truncated")

    def test_a_member_changed_after_the_backup(self):
        members = self.valid_members()
        path = self.write(members)
        tampered = self.folder / "tampered.tar.gz"
        with tarfile.open(path) as source, tarfile.open(tampered, "w:gz") as target:
            for member in source:
                data = source.extractfile(member).read()
                if member.name.startswith(archive.MEDIA):
                    data = data.replace(b"picture", b"PICTURE")
                target.addfile(member, io.BytesIO(data))
        self.refused(tampered, "does not match its manifest")

    def test_no_manifest(self):
        path = self.folder / "bare.tar.gz"
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo(database.SQLITE_MEMBER)
            info.size = 3
            tar.addfile(info, io.BytesIO(b"abc"))
        self.refused(path, "no manifest")

    def test_a_foreign_manifest(self):
        path = self.folder / "foreign.tar.gz"
        data = json.dumps({"format": "something-else"}).encode()
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo(archive.MANIFEST)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        self.refused(path, "not a Nashra backup manifest")

    def test_a_member_escaping_the_folder(self):
        path = self.write({"../../etc/evil": b"x"})
        self.refused(path, "unexpected member")

    def test_a_damaged_database_file(self):
        members = self.valid_members()
        members[database.SQLITE_MEMBER] = b"SQLite format 3\x00" + b"\x00" * 200
        self.refused(self.write(members), "database in the archive is damaged")

    def test_a_backup_from_a_newer_nashra(self):
        members = self.valid_members([*applied_here(), "core.9999_from_the_future"])
        self.refused(self.write(members), "newer Nashra")

    def test_a_site_with_content_is_not_overwritten_unasked(self):
        line = self.refused(self.write(self.valid_members()), replace=False)
        self.assertIn("already has content", line)

    def test_a_postgresql_backup_into_sqlite(self):
        if connection.vendor != "sqlite":
            self.skipTest("the refusal of an SQLite install")
        members = {database.POSTGRES_MEMBER: b"PGDMP"}
        manifest = {"database": {"vendor": "postgresql",
                                 "member": database.POSTGRES_MEMBER}}  # fmt: skip
        self.refused(self.write(members, manifest), "only into PostgreSQL")
