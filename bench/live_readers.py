"""Live coverage under N open pages (#15): time from the POST to visible.

Serves a fresh demo newspaper (it has one running live page) from
`nashra serve --production` on loopback, by default behind nginx with
docs/nginx.conf as shipped (static publishing of the page and of its tail;
only its marked addresses and folders replaced). It opens N simulated
readers that behave as the page's script (nashra/live/static/live/live.js)
does: one GET of the page, then the tail every 1.5 s (±10 %), doubling the
wait up to 60 s after an answer slower than 1 s or a failure, revalidating
with If-None-Match as a browser's cache does after max-age=1. Then it posts
20 entries through the API, one every 2 s, and reports p50/p95/max time from
each POST to the moment each reader held the entry, the renders of the tail
and the requests per update (those readers made, those that reached Nashra),
and the CPU of Nashra (master and workers, from /proc), of nginx and of the
readers themselves.

    READERS=1000 .venv/bin/python bench/live_readers.py
    VIA=app READERS=100 .venv/bin/python bench/live_readers.py   # no nginx

BENCH_DIR (default /tmp/live-bench-<uid>) holds the site (FRESH=1 builds it
again); BENCH_REDIS_URL gives the server a Redis; NASHRA_WORKERS and
NASHRA_THREADS pass through to the server. Everything listens on loopback
and stops by itself: readers stop polling 10 s after the last post.
"""

import asyncio
import json
import os
import random
import resource
import shutil
import signal
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
VIA = os.environ.get("VIA", "nginx" if shutil.which("nginx") else "app")
POLL, SLOW, LONGEST = 1.5, 1.0, 60.0
GAP = 2.0
DIR = Path(os.environ.get("BENCH_DIR", f"/tmp/live-bench-{os.getuid()}"))  # noqa: S108


def environment():
    env = {**os.environ, "NASHRA_VAR_DIR": str(DIR / "var")}
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    if VIA == "nginx":
        env.update(
            NASHRA_STATIC_PUBLISH="1",
            NASHRA_STATIC_PUBLISH_DIR=str(DIR / "published"),
            NASHRA_BEHIND_PROXY="1",
        )
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


def start_nginx(port, upstream):
    """nginx with the shipped sample, in the foreground of its own group."""
    prefix = DIR / "nginx"
    shutil.rmtree(prefix, ignore_errors=True)
    prefix.mkdir(parents=True)
    (DIR / "published").mkdir(exist_ok=True)
    for folder in (DIR, prefix, DIR / "published"):
        folder.chmod(0o755)  # nginx's workers run as an unprivileged user
    text = (ROOT / "docs" / "nginx.conf").read_text()
    for old, new in {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream};",
        "listen 80;": f"listen 127.0.0.1:{port} backlog=4096;",
        "/srv/nashra/var/published": str(DIR / "published"),
        "/srv/nashra/var/static/": str(DIR / "var" / "static") + "/",
        "/srv/nashra/var/media/": str(DIR / "var" / "media") + "/",
    }.items():
        assert old in text, f"docs/nginx.conf lost its {old!r} line"
        text = text.replace(old, new)
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"worker_processes 1;\nerror_log {prefix}/error.log;\npid {prefix}/pid;\n"
        "worker_rlimit_nofile 8192;\nevents { worker_connections 4096; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n"
        f" client_body_temp_path {prefix}/b; proxy_temp_path {prefix}/p;\n"
        f" fastcgi_temp_path {prefix}/f; uwsgi_temp_path {prefix}/u;"
        f" scgi_temp_path {prefix}/s;\n{text}\n}}\n"
    )
    return subprocess.Popen(
        ["nginx", "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
        start_new_session=True,
    )


def stop_nginx(process):
    os.killpg(process.pid, signal.SIGQUIT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


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
        if headers.get("transfer-encoding") == "chunked":
            body = await self._chunks()
        else:
            length = int(headers.get("content-length", 0))
            body = await self.reader.readexactly(length) if length else b""
        if headers.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return status, headers, body

    async def _chunks(self):
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)


class Tally:
    def __init__(self):
        self.requests = self.upstream = self.renders = 0
        self.not_modified = self.errors = 0
        self.seen = {}  # (reader, entry id) -> monotonic time first held

    def count(self, headers):
        self.requests += 1
        # nginx marks what it answered from a published file.
        if headers.get("x-published") != "1":
            self.upstream += 1
            # The headers of an answer Nashra just gave: a render if the
            # page cache missed and this request built the tail itself.
            if headers.get("x-cache") == "MISS" and headers.get("x-live-render") == "1":
                self.renders += 1


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
            delay = min(delay * 2, LONGEST)
        else:
            tally.count(headers)
            if status == 304:
                tally.not_modified += 1
            elif status == 200:
                etag = headers.get("etag")
                now = time.monotonic()
                for change in json.loads(body)["changes"]:
                    if not change.get("deleted"):
                        tally.seen.setdefault((number, change["id"]), now)
            took = time.monotonic() - started
            slow = took > SLOW or status >= 500
            delay = min(delay * 2, LONGEST) if slow else POLL
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


def cpu_of(*processes):
    return sum(server_cpu(p) for p in processes if p is not None)


def own_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run(port, page_id, page_url, token, app, web):
    tally = Tally()
    warm_up = 2 * POLL + READERS / 200
    stop_at = time.monotonic() + warm_up + UPDATES * GAP + 10
    tail_url = f"/live/{page_id}/tail/"
    tasks = []
    for n in range(READERS):
        tasks.append(
            asyncio.create_task(reader(n, port, page_url, tail_url, tally, stop_at))
        )
        if n % 50 == 49:
            await asyncio.sleep(0.05)  # readers arrive, not all in one instant
    await asyncio.sleep(warm_up)

    def snapshot():
        return (tally.requests, tally.upstream, tally.renders, cpu_of(app),
                cpu_of(web), own_cpu(), time.monotonic())  # fmt: skip

    before = snapshot()
    posted = {}
    loop = asyncio.get_running_loop()
    for n in range(UPDATES):
        started = time.monotonic()
        entry = await loop.run_in_executor(None, post, port, page_id, token, n)
        posted[entry] = started
        await asyncio.sleep(max(0.0, GAP - (time.monotonic() - started)))
    await asyncio.sleep(4)
    after = snapshot()
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
    requests, upstream, renders, app, web, own, wall = (
        b - a for a, b in zip(before, after, strict=True)
    )
    print(f"via {VIA}; readers {READERS}, updates {UPDATES} (one every {GAP:.0f} s), "
          f"poll {POLL} s ±10 %; load {os.getloadavg()[0]:.2f}")  # fmt: skip
    print(f"time to visible: p50 {statistics.median(delays):.3f} s, "
          f"p95 {p95:.3f} s, max {delays[-1]:.3f} s; never seen: {missing}")  # fmt: skip
    print(f"per update: {renders / UPDATES:.2f} renders of the tail, "
          f"{requests / UPDATES:.0f} requests by readers "
          f"({requests / wall:.0f} req/s), {upstream / UPDATES:.1f} reached Nashra; "
          f"{tally.not_modified} answered 304, {tally.errors} errors")  # fmt: skip
    print(f"CPU over {wall:.1f} s: Nashra {app:.2f} s ({100 * app / wall:.0f} % of "
          f"a core, {1000 * app / UPDATES:.0f} ms per update incl. the polling), "
          f"nginx {web:.2f} s, readers {own:.2f} s")  # fmt: skip


def main():
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    token = prepare()
    app_port = free_port()
    log = open(DIR / "serve.log", "ab")
    app = subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", "serve", "--production", "--no-setup",
         f"127.0.0.1:{app_port}"],
        env=environment(), cwd=ROOT, stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    web = None
    try:
        wait_for(f"http://127.0.0.1:{app_port}/robots.txt", app)
        port = app_port
        if VIA == "nginx":
            port = free_port()
            web = start_nginx(port, app_port)
            wait_for(f"http://127.0.0.1:{port}/robots.txt", web)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/live/") as found:
            page = json.loads(found.read())["items"][0]
        page_url = "/" + page["url"].split("/", 3)[3]
        figures = asyncio.run(run(port, page["id"], page_url, token, app, web))
        report(*figures)
    finally:
        if web is not None:
            stop_nginx(web)
        stop(app)


if __name__ == "__main__":
    main()
