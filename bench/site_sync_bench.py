"""`nashra import-wordpress --site` against the loopback WordPress peer (#21).

    python bench/site_sync_bench.py [--site http://127.0.0.1:8081/]
        [--database-url postgres://…/empty_db]

Migrates a fresh SQLite database in a temporary folder (or uses the given,
empty, database), then times three runs of the command in child processes:
the first sync (every post, comment, term), a re-sync with nothing changed,
and a re-sync after one post was edited on the peer (through its database;
put back afterwards). Targets: first sync of the 2,000-post peer ≤ 60 s,
unchanged re-sync ≤ 10 s. The load average is printed beside each figure.
"""

# SQL on the peer, with an id and a date read from it.
# ruff: noqa: S608

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NASHRA = [sys.executable, "-m", "nashra.cli"]
MARIADB = ["mariadb", "--no-defaults", "--socket=/tmp/wp-peer/mysql/mysqld.sock",
           "-uroot", "-N", "wp_peer", "-e"]  # fmt: skip


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(env, site, report: Path) -> tuple[float, dict]:
    start = time.monotonic()
    subprocess.run([*NASHRA, "import-wordpress", "--site", site, "--report", str(report)],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    seconds = time.monotonic() - start
    data = json.loads(report.read_text(encoding="utf-8"))
    return seconds, {k: {o: n for o, n in v.items() if n} for k, v in data.items()
                     if isinstance(v, dict) and any(v.values())}  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="http://127.0.0.1:8081/")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="site-sync-bench-"))
    env = dict(os.environ, NASHRA_VAR_DIR=str(work),
               DATABASE_URL=args.database_url or f"sqlite:///{work}/db.sqlite3")  # fmt: skip
    subprocess.run([*NASHRA, "migrate", "-v0"], env=env, check=True)
    for name in ("first sync", "unchanged re-sync"):
        before = load()
        seconds, counts = timed(env, args.site, work / "report.json")
        print(
            f"{name}: {seconds:.1f} s  load before {before}, after {load()}  {counts}"
        )
    post = subprocess.run([*MARIADB, "SELECT MAX(ID) FROM wp_posts WHERE post_type='post'"],
                          check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
    old = subprocess.run([*MARIADB, f"SELECT post_modified_gmt FROM wp_posts WHERE ID={post}"],
                         check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
    subprocess.run([*MARIADB, f"UPDATE wp_posts SET post_modified_gmt=UTC_TIMESTAMP() WHERE ID={post}"],
                   check=True)  # fmt: skip
    try:
        before = load()
        seconds, counts = timed(env, args.site, work / "report.json")
        print(
            f"one post edited: {seconds:.1f} s  load before {before}, after {load()}  {counts}"
        )
    finally:
        subprocess.run([*MARIADB, f"UPDATE wp_posts SET post_modified_gmt='{old}' WHERE ID={post}"],
                       check=True)  # fmt: skip


if __name__ == "__main__":
    main()
