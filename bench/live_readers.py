"""Live coverage under N open pages (#15): time from the POST to visible.

Serves a fresh demo newspaper (it has one running live page) from
`nashra serve --production` on loopback, opens N simulated readers that
behave as the page's script (nashra/live/static/live/live.js) does: one GET
of the page, then the tail every 1.5 s (±10 %), revalidating with
If-None-Match as a browser's cache does after max-age=1. Then it posts 20
entries through the API, one every 2 s, and reports p50/p95/max time from
each POST to the moment each reader held the entry, the renders (tail
answers that missed the page cache) and requests per update, and the
server's CPU (master and workers, from /proc).

    .venv/bin/python bench/live_bench.py            # N=100
    READERS=1000 .venv/bin/python bench/live_bench.py

BENCH_DIR (default /tmp/live-bench-<uid>) holds the site (FRESH=1 builds it
again); BENCH_REDIS_URL gives the server a Redis; NASHRA_WORKERS and
NASHRA_THREADS pass through to the server.
"""

import asyncio
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from http_bench import server_cpu, stop, wait_for

ROOT = Path(__file__).resolve().parent.parent
READERS = int(os.environ.get("READERS", 100))
UPDATES = int(os.environ.get("UPDATES", 20))
POLL = 1.5
GAP = 2.0
DIR = Path(os.environ.get("BENCH_DIR", f"/tmp/live-bench-{os.getuid()}"))  # noqa: S108


def environment():
    env = {**os.environ, "NASHRA_VAR_DIR": str(DIR / "var")}
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        # Shared by the workers: one render per update, not one per worker.
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    env["NASHRA_SCHEDULER_INTERVAL"] = "3600"
    env["DJANGO_SUPERUSER_PASSWORD"] = "bench-only-not-a-secret"  # noqa: S105
    return env


def nashra(*args, capture=False):
    done = subprocess.run(
        [sys.executable, "-m", "nashra.cli", *args], env=environment(), cwd=ROOT,
        check=True, capture_output=capture, text=True,
    )  # fmt: skip
    return done.stdout.strip() if capture else None


def prepare():
    """A demo site and a token for a superuser (who may publish), kept for
    the next run (the demo takes minutes on a busy machine); FRESH=1 anew."""
    saved = DIR / "token"
    if saved.exists() and os.environ.get("FRESH") != "1":
        return saved.read_text().strip()
    subprocess.run(["rm", "-rf", str(DIR)], check=True)
    (DIR / "var").mkdir(parents=True)
    nashra("migrate", "--noinput", "-v0")
    nashra("demo")
    nashra("createsuperuser", "--noinput", "--username", "bench",
           "--email", "bench@example.org")  # fmt: skip
    token = nashra("token", "create", "bench", capture=True)
    saved.write_text(token)
    return token


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Connection:
    """One reader's keep-alive HTTP/1.1 connection."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def get(self, path, etag=None):
        for attempt in (1, 2):
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(
                        "127.0.0.1", self.port
                    )
                extra = f"If-None-Match: {etag}\r\n" if etag else ""
                self.writer.write(
                    f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}"
                    "Accept: application/json\r\n\r\n".encode()
                )
                return await self._answer()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.writer = None
                if attempt == 2:
                    raise
        return None

    async def _answer(self):
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", 0))
        body = await self.reader.readexactly(length) if length else b""
        if headers.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return status, headers, body


class Tally:
    def __init__(self):
        self.requests = self.misses = self.not_modified = self.errors = 0
        self.seen = {}  # (reader, entry id) -> monotonic time first held


async def reader(number, port, page_url, tail_url, tally, stop_at):
    connection = Connection(port)
    await connection.get(page_url)
    await asyncio.sleep(random.uniform(0, POLL))
    etag, delay = None, POLL
    while time.monotonic() < stop_at:
        started = time.monotonic()
        try:
            status, headers, body = await connection.get(tail_url, etag)
        except (OSError, asyncio.IncompleteReadError):
            tally.errors += 1
            delay = min(delay * 2, 60)
        else:
            tally.requests += 1
            if headers.get("x-cache") == "MISS" and headers.get("x-live-render") == "1":
                tally.misses += 1
            if status == 304:
                tally.not_modified += 1
            elif status == 200:
                etag = headers.get("etag")
                now = time.monotonic()
                for change in json.loads(body)["changes"]:
                    if not change.get("deleted"):
                        tally.seen.setdefault((number, change["id"]), now)
            took = time.monotonic() - started
            delay = min(delay * 2, 60) if took > 1 or status >= 500 else POLL
        await asyncio.sleep(delay * random.uniform(0.9, 1.1))


def post(port, page_id, token, n):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/live/{page_id}/entries/",
        data=json.dumps({"body": f"تحديث تجريبي رقم {n}"}).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 (loopback)
        return json.loads(answer.read())["id"]


async def run(port, page_id, page_url, token, server):
    tally = Tally()
    warm_up = 5.0
    stop_at = time.monotonic() + warm_up + UPDATES * GAP + 6
    tail_url = f"/live/{page_id}/tail/"
    tasks = [
        asyncio.create_task(reader(n, port, page_url, tail_url, tally, stop_at))
        for n in range(READERS)
    ]
    await asyncio.sleep(warm_up)
    before = (tally.requests, tally.misses, server_cpu(server), time.monotonic())
    posted = {}
    loop = asyncio.get_running_loop()
    for n in range(UPDATES):
        started = time.monotonic()
        entry = await loop.run_in_executor(None, post, port, page_id, token, n)
        posted[entry] = started
        await asyncio.sleep(max(0.0, GAP - (time.monotonic() - started)))
    await asyncio.sleep(4)
    after = (tally.requests, tally.misses, server_cpu(server), time.monotonic())
    await asyncio.gather(*tasks)
    return tally, posted, before, after


def report(tally, posted, before, after):
    delays = []
    missing = 0
    for entry, started in posted.items():
        for number in range(READERS):
            seen = tally.seen.get((number, entry))
            if seen is None:
                missing += 1
            else:
                delays.append(seen - started)
    delays.sort()
    p95 = delays[int(len(delays) * 0.95) - 1] if delays else float("nan")
    requests = after[0] - before[0]
    misses = after[1] - before[1]
    cpu = after[2] - before[2]
    wall = after[3] - before[3]
    print(f"readers {READERS}, updates {UPDATES} (one every {GAP:.0f} s), "
          f"poll {POLL} s ±10 %")  # fmt: skip
    print(f"time to visible: p50 {statistics.median(delays):.3f} s, "
          f"p95 {p95:.3f} s, max {delays[-1]:.3f} s; never seen: {missing}")  # fmt: skip
    print(f"renders per update (tail misses that rendered): {misses / UPDATES:.2f}; "
          f"requests per update: {requests / UPDATES:.1f} "
          f"({requests / wall:.0f} req/s, {tally.not_modified} answered 304, "
          f"{tally.errors} errors)")  # fmt: skip
    print(f"server CPU: {cpu:.2f} s over {wall:.1f} s "
          f"({100 * cpu / wall:.0f} % of one core, {1000 * cpu / UPDATES:.0f} ms "
          f"per update incl. polling)")  # fmt: skip


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    token = prepare()
    port = free_port()
    log = open(DIR / "serve.log", "ab")
    server = subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", "serve", "--production", "--no-setup",
         f"127.0.0.1:{port}"],
        env=environment(), cwd=ROOT, stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/robots.txt", server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/live/") as found:
            page = json.loads(found.read())["items"][0]
        page_url = "/" + page["url"].split("/", 3)[3]
        report(*asyncio.run(run(port, page["id"], page_url, token, server)))
    finally:
        stop(server)


if __name__ == "__main__":
    main()
