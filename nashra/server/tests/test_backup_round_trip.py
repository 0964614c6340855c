"""`nashra backup` then `nashra restore` into an empty install: the same site (#17).

Each install is a folder of its own (NASHRA_VAR_DIR) run by `nashra`
processes, as an operator would: the same rows (dumpdata), the same media
checksums, the same secret key, and every URL answering the same bytes. On
SQLite always; on PostgreSQL, and SQLite moved into PostgreSQL, when
DATABASE_URL names a PostgreSQL server (databases of the test's own on it).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from urllib.parse import urlsplit, urlunsplit

import pytest

from nashra.server.tests.test_production_stop import ROOT

SEED = """
from wagtail.models import Site
from nashra.comments.models import Comment, Status
from nashra.core.tests.factories import build_newspaper
from nashra.theme.models import ThemeOptions
paper = build_newspaper(articles_per_section=2)
Comment.objects.create(article=paper["articles"][0], name="سارة", email="s@example.com",
                       body="تعليق منشور", status=Status.APPROVED, ip="203.0.113.7")
options = ThemeOptions.for_site(Site.objects.get(is_default_site=True))
options.licence_key = "NASHRA1.eyJ0aGVtZSI6ICJ0ZXN0In0.c2lnbmF0dXJl"
options.save()
from django.test import Client
Client().get("/")
"""

FINGERPRINT = """
import hashlib, io, json
from django.core.management import call_command
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.models import Page
from nashra.server.backup.operations import media_names
out = io.StringIO()
call_command("dumpdata", exclude=EXCLUDED, stdout=out)
def plain(value):
    # JSON kept as text (StreamField): PostgreSQL's jsonb orders keys its own way.
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
rows = sorted(json.loads(out.getvalue()), key=lambda r: (r["model"], str(r["pk"])))
for row in rows:
    row["fields"] = {name: plain(value) for name, value in row["fields"].items()}
urls = sorted(p.url for p in Page.objects.live().specific() if p.url)
urls += ["/feeds/rss/", "/sitemap.xml", "/robots.txt", "/api/v1/articles/",
         "/search/?q=" + "خبر"]
client = Client()
answers = {}
for url in urls:
    response = client.get(url)
    body = (b"".join(response.streaming_content) if response.streaming
            else response.content)
    answers[url] = [response.status_code, hashlib.sha256(body).hexdigest()]
media = {}
for name in media_names():
    with default_storage.open(name) as handle:
        media[name] = hashlib.sha256(handle.read()).hexdigest()
print(json.dumps({"rows": rows, "answers": answers, "media": media}))
"""

# Rebuilt, not copied, when moving to PostgreSQL; their rows differ by design.
SEARCH_INDEXES = [
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "search.searchentry",
]


def environment(var_dir, database_url=None):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(NASHRA_VAR_DIR=str(var_dir), ALLOWED_HOSTS="testserver,localhost")
    env.pop("SECRET_KEY", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def nashra(env, *args, check=True):
    done = subprocess.run(
        [sys.executable, "-m", "nashra.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if check:
        assert done.returncode == 0, done.stderr[-3000:]
    return done


def fingerprint(env, excluded=()):
    """Rows first, then the pages: reading pages may create default rows."""
    script = FINGERPRINT.replace("EXCLUDED", repr(["sessions"]))
    found = json.loads(nashra(env, "shell", "-c", script).stdout.splitlines()[-1])
    return without(found, excluded)


def without(found, excluded):
    rows = [r for r in found["rows"] if r["model"] not in excluded]
    return {**found, "rows": rows}


def secret(var_dir):
    return hashlib.sha256((var_dir / "secret_key").read_bytes()).hexdigest()


def build_site(var_dir, database_url=None):
    env = environment(var_dir, database_url)
    nashra(env, "migrate", "--noinput", "-v0")
    nashra(env, "shell", "-c", SEED)
    archive = var_dir.parent / f"{var_dir.name}.tar.gz"
    made = nashra(env, "backup", str(archive))
    assert "media files" in made.stdout
    return env, archive


def postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.fixture
def postgres_database(request):
    """A fresh PostgreSQL database of the test's own, dropped afterwards."""
    import psycopg

    url = postgres_url()
    if url is None:
        pytest.skip("DATABASE_URL does not name PostgreSQL")
    parts = urlsplit(url)
    made = []

    def make(suffix):
        name = f"{parts.path.lstrip('/')}_{suffix}"
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")),
                             autocommit=True) as db:  # fmt: skip
            db.execute(f'DROP DATABASE IF EXISTS "{name}"')
            db.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return urlunsplit(parts._replace(path=f"/{name}"))

    yield make
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")),
                         autocommit=True) as db:  # fmt: skip
        for name in made:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("source") / "var"
    env, archive = build_site(var_dir)
    found = fingerprint(env)
    return var_dir, env, archive, found, without(found, SEARCH_INDEXES)


def test_sqlite_backup_restores_the_same_site(sqlite_site, tmp_path):
    source_dir, _, archive, before, _ = sqlite_site
    target = tmp_path / "var"
    env = environment(target)
    restored = nashra(env, "restore", str(archive))
    assert "restored" in restored.stdout
    after = fingerprint(env)
    assert after["rows"] == before["rows"]
    assert after["media"] == before["media"] and before["media"]
    assert after["answers"] == before["answers"]
    assert all(status == 200 for status, _ in after["answers"].values())
    assert secret(target) == secret(source_dir)
    assert oct((target / "db.sqlite3").stat().st_mode & 0o777) == "0o600"


def test_the_archive_is_private(sqlite_site):
    _, _, archive, _, _ = sqlite_site
    assert oct(archive.stat().st_mode & 0o777) == "0o600"


def test_sqlite_backup_moves_into_postgresql(sqlite_site, tmp_path, postgres_database):
    _, _, archive, _, before = sqlite_site
    env = environment(tmp_path / "var", postgres_database("move"))
    nashra(env, "restore", str(archive))
    after = fingerprint(env, SEARCH_INDEXES)
    assert after["rows"] == before["rows"]
    assert after["media"] == before["media"]
    assert after["answers"] == before["answers"]


def test_postgresql_backup_restores_the_same_site(tmp_path, postgres_database):
    source_dir = tmp_path / "source"
    env, archive = build_site(source_dir, postgres_database("source"))
    before = fingerprint(env)
    target = tmp_path / "target"
    target_env = environment(target, postgres_database("target"))
    nashra(target_env, "restore", str(archive))
    after = fingerprint(target_env)
    assert after["rows"] == before["rows"]
    assert after["media"] == before["media"]
    assert after["answers"] == before["answers"]
    assert secret(target) == secret(source_dir)


def test_commits_still_in_the_wal_are_in_the_backup(sqlite_site, tmp_path):
    """A copy of db.sqlite3 lost the 69 newest comments, still in the WAL;
    the online backup reads through the WAL as any reader does."""
    var_dir, env, _, _, _ = sqlite_site
    writer = sqlite3.connect(var_dir / "db.sqlite3", isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        for n in range(69):
            writer.execute(
                "INSERT INTO core_mark (name, expires_at) VALUES (?, ?)",
                [f"wal-test:{n}", "2099-01-01 00:00:00"],
            )
        copied = tmp_path / "copied.sqlite3"
        shutil.copyfile(var_dir / "db.sqlite3", copied)
        archive = tmp_path / "during.tar.gz"
        nashra(env, "backup", str(archive))
    finally:
        writer.close()
    assert marks_in(copied) < 69
    with tarfile.open(archive) as tar:
        tar.extract("database.sqlite3", tmp_path, filter="data")
    assert marks_in(tmp_path / "database.sqlite3") == 69


def marks_in(path):
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT COUNT(*) FROM core_mark WHERE name LIKE 'wal-test:%'"
        ).fetchone()[0]
