"""kill -9 in the middle of an import, then a re-run, equals a clean import (#7).

Readers' search and the admin's included: the killed run's pages were in
neither until a manual reindex (#17).

Runs the real command in child processes against file-based SQLite databases
in a temporary folder, and compares what a reader and an editor would see.
"""

import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
POSTS = 40
KILL_AFTER = 12
# Small batches, so the kill lands between and inside batches of new posts;
# every run uses the same size, as batches decide the order of inserts.
BATCH = ("--batch-size", "5")

DUMP = {
    "pages": "SELECT p.url_path, p.title, p.live, p.has_unpublished_changes,"
    " p.go_live_at, p.content_type_id, (SELECT count(*) FROM wagtailcore_revision r"
    " WHERE r.object_id = CAST(p.id AS TEXT)) FROM wagtailcore_page p",
    "articles": "SELECT p.url_path, p.first_published_at, a.summary, a.body,"
    " a.published_at, a.featured,"
    " s.url_path FROM articles_articlepage a JOIN wagtailcore_page p ON p.id = a.page_ptr_id"
    " LEFT JOIN wagtailcore_page s ON s.id = a.section_id",
    "tags": "SELECT p.url_path, t.slug FROM articles_articletag x"
    " JOIN articles_tag t ON t.id = x.tag_id"
    " JOIN wagtailcore_page p ON p.id = x.content_object_id",
    "authors": "SELECT p.url_path, au.slug, x.sort_order FROM articles_articlepageauthor x"
    " JOIN articles_author au ON au.id = x.author_id"
    " JOIN wagtailcore_page p ON p.id = x.page_id",
    "redirects": "SELECT r.old_path, p.url_path, r.redirect_link, r.is_permanent"
    " FROM wagtailredirects_redirect r LEFT JOIN wagtailcore_page p"
    " ON p.id = r.redirect_page_id",
    "comments": "SELECT p.url_path, c.name, c.body, c.status, c.depth, c.created_at,"
    " parent.body FROM comments_comment c JOIN wagtailcore_page p ON p.id = c.article_id"
    " LEFT JOIN comments_comment parent ON parent.id = c.parent_id",
    "ledger": "SELECT source, kind, wp_key, checksum, pending FROM importers_importedobject",
    "readers' search": "SELECT p.url_path, e.title_terms, e.body_terms"
    " FROM search_searchentry e JOIN wagtailcore_page p ON p.id = e.page_id",
    "admin search": "SELECT p.url_path, e.title FROM wagtailsearch_indexentry e"
    " JOIN wagtailcore_page p ON CAST(p.id AS TEXT) = e.object_id",
}


def canonical(db: Path) -> dict:
    connection = sqlite3.connect(db)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    dump = {}
    for name, sql in DUMP.items():
        if name == "comments" and "comments_comment" not in tables:
            continue
        dump[name] = sorted(
            repr(_without_block_ids(row)) for row in connection.execute(sql)
        )
    connection.close()
    return dump


def _without_block_ids(row):
    """StreamField block ids are random per save; the content is what counts."""
    out = []
    for value in row:
        if isinstance(value, str) and value.startswith('[{"type"'):
            blocks = json.loads(value)
            for block in blocks:
                block.pop("id", None)
            value = json.dumps(blocks, sort_keys=True)
        out.append(value)
    return tuple(out)


def environment(folder: Path) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "REDIS_URL": "",
        "DJANGO_SETTINGS_MODULE": "nashra.settings",
    }


def nashra(folder: Path, *args, **kwargs):
    command = [sys.executable, "-m", "nashra.cli", *args]
    return subprocess.Popen(
        command, env=environment(folder), cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, **kwargs,
    )  # fmt: skip


def imported_posts(db: Path) -> int:
    try:
        connection = sqlite3.connect(db, timeout=1)
        (count,) = connection.execute(
            "SELECT count(*) FROM importers_importedobject WHERE kind = 'post'"
        ).fetchone()
        connection.close()
        return count
    except sqlite3.OperationalError:
        return 0


def write_export(path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_wxr", ROOT / "bench" / "make_wxr.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with path.open("w", encoding="utf-8") as out:
        module.write_export(out, POSTS, 3)


def test_killed_import_resumes_to_the_same_state_as_a_clean_one(tmp_path):
    """A power cut or an impatient kill must never leave half an article."""
    export = tmp_path / "export.xml"
    write_export(export)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    clean.mkdir()
    assert nashra(clean, "migrate", "-v0").wait(timeout=600) == 0
    shutil.copytree(clean, killed, dirs_exist_ok=True)

    child = nashra(killed, "import-wordpress", str(export), *BATCH)
    deadline = time.monotonic() + 600
    while imported_posts(killed / "db.sqlite3") < KILL_AFTER:
        assert child.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert imported_posts(killed / "db.sqlite3") < POSTS

    assert (
        nashra(killed, "import-wordpress", str(export), *BATCH).wait(timeout=600) == 0
    )
    assert nashra(clean, "import-wordpress", str(export), *BATCH).wait(timeout=600) == 0
    got, expected = canonical(killed / "db.sqlite3"), canonical(clean / "db.sqlite3")
    assert len(expected["articles"]) == POSTS
    for name in expected:
        assert got[name] == expected[name], name


@pytest.fixture(autouse=True)
def _no_db_needed():
    yield
