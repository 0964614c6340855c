"""`nashra upgrade` on a fresh database, then again on a current one (#17).

A subprocess on a var dir of its own (SQLite, no Redis), as an operator
runs it: the catalogues compiled, the static files collected with hashed
names and the old ones kept, the migrations applied, then the page cache's
"site" version bumped in the versions file `serve --production` reads.
"""

import os
import sqlite3
import subprocess
import sys

import pytest

from nashra.server.tests.test_production_stop import ROOT

pytestmark = pytest.mark.same_on_every_database

PENDING = """
from nashra.server.management.commands.serve import pending_migrations
print(len(pending_migrations()))
"""


def site_version(var_dir):
    path = var_dir / "pagecache" / "versions.sqlite3"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        row = db.execute("SELECT v FROM version WHERE grp = 'site'").fetchone()
    return row[0] if row else 0


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("upgrade")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "NASHRA_TEST",
                       "NASHRA_PAGE_CACHE_VERSIONS_FILE")
    }  # fmt: skip
    env["NASHRA_VAR_DIR"] = str(var_dir)

    def nashra(*args):
        return subprocess.run(
            [sys.executable, "-m", "nashra.cli", *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip

    return var_dir, nashra


def test_fresh_then_current(site):
    var_dir, nashra = site
    first = nashra("upgrade")
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    # In order, one line each.
    assert [line.split(" / ")[0] for line in lines] == [
        "Compiling the catalogues",
        "Collecting the static files",
        "Applying the migrations",
        "Invalidating the page cache",
    ]
    applied = int(lines[2].rsplit(": ", 1)[1].split()[0])
    assert applied > 50
    assert nashra("shell", "-c", PENDING).stdout.split()[-1] == "0"
    static = var_dir / "static"
    assert (static / "staticfiles.json").exists()
    assert list(static.rglob("*.*.css")), "no hashed CSS"
    assert site_version(var_dir) == 1

    # A file only the old version knows: the next collection leaves it.
    old = static / "css" / "nashra.0123456789ab.css"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text("/* the old version's */")
    again = nashra("upgrade")
    assert again.returncode == 0, again.stderr
    assert "Applying the migrations / تطبيق الترحيلات: 0 applied" in again.stdout
    assert old.exists()
    assert site_version(var_dir) == 2

    only = nashra("upgrade", "--cache-only")
    assert only.stdout.splitlines() == [
        "Invalidating the page cache / إبطال ذاكرة الصفحات: site version bumped"
    ]
    assert site_version(var_dir) == 3
