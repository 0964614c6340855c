"""50 readers posting comments at once for 30 s against `nashra serve` (#3).

Usage: .venv/bin/python bench/comments_concurrency.py [--database-url URL]
       [--clients 50] [--seconds 30] [--redis-url URL]

Starts its own server on a free port with a temporary var/ (SQLite) or the
given DATABASE_URL (PostgreSQL: the database is dropped and re-created), makes
a small newspaper, turns the flood and fill-time limits off (every post comes
from 127.0.0.1), then each client loops: GET a token, POST a unique comment.
Checks: no 5xx, every 302 answer stored exactly once, nothing else stored.
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NASHRA = str(ROOT / ".venv" / "bin" / "nashra")
SETUP = """
from nashra.core.tests.factories import build_newspaper
from nashra.comments.tests.helpers import set_options
paper = build_newspaper(articles_per_section=1)
set_options(min_fill_seconds=0, flood_seconds=0, approve_known=False)
print("ARTICLES", *[a.pk for a in paper["articles"]])
"""
COUNT = """
from nashra.comments.models import Comment
from collections import Counter
c = Counter(Comment.objects.values_list("body", flat=True))
print("TOTAL", sum(c.values()))
for body, n in c.items():
    print("ROW", n, body.split()[-1])
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reset_postgres(url):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def run(env, *args, code=None):
    command = [NASHRA, *args] if code is None else [NASHRA, "shell", "-c", code]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def client(base, article_ids, deadline, results, lock):
    opener = urllib.request.build_opener(NoRedirect)
    mine = []
    n = 0
    while time.monotonic() < deadline:
        article = article_ids[n % len(article_ids)]
        n += 1
        marker = uuid.uuid4().hex
        started = time.monotonic()
        try:
            with opener.open(f"{base}/comments/{article}/token/", timeout=30) as r:
                token = re.search(rb'"token": "([^"]+)"', r.read()).group(1).decode()
            data = urllib.parse.urlencode({
                "name": "قارئ الاختبار", "email": f"{marker}@example.com",
                "body": f"تعليق تحت الضغط {marker}", "token": token, "js": "1",
            }).encode()  # fmt: skip
            try:
                response = opener.open(
                    f"{base}/comments/{article}/post/", data, timeout=30
                )
                status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
        except (OSError, AttributeError) as error:
            status = f"error:{type(error).__name__}"
        mine.append((status, marker, time.monotonic() - started))
    with lock:
        results.extend(mine)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="nashra-bench-comments-")
    env = {**os.environ, "NASHRA_VAR_DIR": var, "SECRET_KEY": "bench-" + uuid.uuid4().hex,
           "NASHRA_LOG_LEVEL": "WARNING", "DATABASE_URL": args.database_url,
           "REDIS_URL": args.redis_url, "NASHRA_SCHEDULER_INTERVAL": "3600"}  # fmt: skip
    if args.database_url.startswith("postgres"):
        reset_postgres(args.database_url)
    run(env, "migrate", "--no-input", "-v", "0")
    run(env, "compile_catalogues")
    ids = [
        int(x)
        for x in re.search(r"ARTICLES (.*)", run(env, code=SETUP)).group(1).split()
    ]
    port = free_port()
    server = subprocess.Popen(
        [NASHRA, "serve", "--no-setup", f"127.0.0.1:{port}"], env=env,
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(var, "server.log"), "w"),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + f"/comments/{ids[0]}/token/", timeout=2)  # noqa: S310 -- our own http URL
                break
            except OSError:
                time.sleep(0.2)
        results, lock = [], threading.Lock()
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(base, ids, deadline, results, lock))
            for _ in range(args.clients)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = {}
    out = run(env, code=COUNT)
    total = int(re.search(r"TOTAL (\d+)", out).group(1))
    for n, marker in re.findall(r"ROW (\d+) (\w+)", out):
        stored[marker] = int(n)
    statuses = {}
    for status, _marker, _seconds in results:
        statuses[status] = statuses.get(status, 0) + 1
    ok = [m for s, m, _ in results if s == 302]
    once = sum(1 for m in ok if stored.get(m) == 1)
    refused_but_stored = sum(1 for s, m, _ in results if s != 302 and m in stored)
    latencies = sorted(t for _, _, t in results)
    server_errors = sum(
        n for s, n in statuses.items() if isinstance(s, int) and s >= 500
    )
    print(f"database: {args.database_url or 'sqlite (WAL)'}; cache: "
          f"{args.redis_url or 'locmem'}; clients: {args.clients}; {elapsed:.1f} s")  # fmt: skip
    print(
        f"posts: {len(results)} ({len(results) / elapsed:.1f}/s); answers: {statuses}"
    )
    print(f"token+post latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms")  # fmt: skip
    print(f"successes stored exactly once: {once}/{len(ok)}; rows in table: {total}; "
          f"refused yet stored: {refused_but_stored}; 5xx: {server_errors}")  # fmt: skip
    good = once == len(ok) == total and not refused_but_stored and not server_errors
    print("OK" if good else f"FAILED (server log: {var}/server.log)")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
