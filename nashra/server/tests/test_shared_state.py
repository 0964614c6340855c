"""`serve --production` without Redis enforces the comment rules across workers (#17).

Each gunicorn worker has its own local-memory cache. Kept there, one form
token was accepted three times (once per worker), the 15-second flood limit
let 3 of 6 posts through, and a new block-list word was ignored by workers
until a restart. The server here runs three single-threaded workers, so
simultaneous posts land on different processes; the site is built by a
separate process, as an editor's change would come from one worker.

The metrics are shared the same way: any worker's /metrics counts the
requests every worker answered; each request is one JSON log line with its
id (#17).
"""

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from nashra.server.tests.test_production_stop import ROOT, answers, free_port

# Its own servers and database: CI runs it in the first pass only.
pytestmark = pytest.mark.same_on_every_database

METRICS_TOKEN = "metrics-across-workers-5b2d"
SEED = """
from nashra.comments.tests.helpers import newspaper_with_options
paper = newspaper_with_options()
print(paper["articles"][0].pk)
"""

SET_OPTIONS = """
from nashra.comments.tests.helpers import set_options
set_options(**{values})
"""


def environment(var_dir):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "NASHRA_TEST")
    }
    env.update(
        NASHRA_VAR_DIR=str(var_dir),
        NASHRA_WORKERS="3",
        NASHRA_THREADS="1",
        # What `serve --production` gives its workers; a change made by a
        # management command must reach them the same way.
        NASHRA_PAGE_CACHE_VERSIONS_FILE=str(var_dir / "pagecache" / "versions.sqlite3"),
        NASHRA_METRICS_TOKEN=METRICS_TOKEN,
        NASHRA_LOG_FORMAT="json",
    )
    return env


def nashra(env, *args):
    done = subprocess.run(
        [sys.executable, "-m", "nashra.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return done.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("shared-state")
    env = environment(var_dir)
    nashra(env, "migrate", "--noinput", "-v0")
    article_id = int(nashra(env, "shell", "-c", SEED).split()[-1])
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", "serve", "--production", "--no-setup",
         f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=(var_dir / "server.log").open("wb"), start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not answers(f"http://127.0.0.1:{port}/robots.txt"):
            assert process.poll() is None, "the server exited while starting"
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.3)
        process.base = f"http://127.0.0.1:{port}"
        process.env = env
        process.article_id = article_id
        process.database = var_dir / "db.sqlite3"
        process.log = var_dir / "server.log"
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, 9)
        process.wait()


def get_token(server):
    url = f"{server.base}/comments/{server.article_id}/token/"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310  (loopback)
        return json.load(response)["token"]


def post(server, token, body, email="sara@example.com"):
    data = urllib.parse.urlencode(
        {"name": "سارة علي", "email": email, "website": "", "body": body,
         "parent": "", "token": token, "homepage": "", "js": "1"}
    ).encode()  # fmt: skip
    request = urllib.request.Request(  # noqa: S310  (loopback)
        f"{server.base}/comments/{server.article_id}/post/", data=data
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def at_once(calls):
    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(lambda call: call(), calls))


def stored(server, word):
    with sqlite3.connect(server.database) as db:
        return db.execute(
            "SELECT status FROM comments_comment WHERE body LIKE ?", [f"%{word}%"]
        ).fetchall()


def set_options(server, **values):
    nashra(server.env, "shell", "-c", SET_OPTIONS.format(values=repr(values)))


def test_one_token_is_accepted_once_across_workers(server):
    token = get_token(server)
    statuses = at_once(
        [lambda n=n: post(server, token, f"إعادة النموذج {n}") for n in range(6)]
    )
    assert sorted(statuses) == [302, 400, 400, 400, 400, 400]
    assert len(stored(server, "إعادة النموذج")) == 1


def test_the_flood_limit_holds_across_workers(server):
    set_options(server, flood_seconds=15)
    tokens = [get_token(server) for _ in range(6)]
    statuses = at_once(
        [lambda n=n: post(server, tokens[n], f"سيل التعليقات {n}") for n in range(6)]
    )
    assert statuses.count(302) == 1
    assert statuses.count(429) == 5
    assert len(stored(server, "سيل التعليقات")) == 1


def test_a_new_block_list_word_reaches_every_worker(server):
    set_options(server, flood_seconds=0)
    # Every worker reads (and caches) the options first.
    at_once([lambda: get_token(server) for _ in range(6)])
    set_options(server, block_list="كازينو")
    tokens = [get_token(server) for _ in range(6)]
    at_once(
        [
            lambda n=n: post(
                server, tokens[n], f"أفضل كازينو رقم {n}", email=f"s{n}@example.com"
            )
            for n in range(6)
        ]
    )
    assert [status for (status,) in stored(server, "كازينو")] == ["spam"] * 6


def test_the_state_is_rows_in_the_database(server):
    """The marks are where every worker and every database sees them."""
    with sqlite3.connect(server.database) as db:
        names = [name for (name,) in db.execute("SELECT name FROM core_mark")]
    assert any(name.startswith("comments:nonce:") for name in names)
    assert Path(server.database).exists()


def scrape(server):
    request = urllib.request.Request(  # noqa: S310  (loopback)
        f"{server.base}/metrics",
        headers={"Authorization": f"Bearer {METRICS_TOKEN}"},
    )
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
        text = response.read().decode()
    found = re.search(
        r'^nashra_requests_total\{kind="search",status="2xx"\} (\S+)$', text, re.M
    )
    return float(found.group(1)) if found else 0.0


def test_metrics_add_up_every_workers_requests(server):
    # Search: a kind nothing else asks for (the fixture polls robots.txt).
    before = scrape(server)
    for _ in range(12):
        with urllib.request.urlopen(f"{server.base}/search/?q=x", timeout=20) as got:  # noqa: S310
            got.read()
    # Connections are closed after each response: they spread over the
    # workers, each of which hands its counts over within a second.
    deadline = time.monotonic() + 5
    while scrape(server) != before + 12 and time.monotonic() < deadline:
        time.sleep(0.2)
    for _ in range(6):
        assert scrape(server) == before + 12
    lines = [json.loads(line) for line in server.log.read_text().splitlines()
             if line.startswith("{")]  # fmt: skip
    requests = [line for line in lines if line["logger"] == "nashra.request"]
    ids = {line["request_id"] for line in requests if line["path"] == "/search/"}
    assert len(ids) >= 12
    assert all(line["client"] == "127.0.0.0" for line in requests)
    # gunicorn's own lines name the address it listens on; no request line
    # has a full address.
    assert not any("127.0.0.1" in json.dumps(line) for line in requests)


def test_each_response_says_its_request_id(server):
    with urllib.request.urlopen(f"{server.base}/robots.txt", timeout=10) as got:  # noqa: S310
        rid = got.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", rid)
    deadline = time.monotonic() + 10
    while rid not in server.log.read_text():
        assert time.monotonic() < deadline, "no log line with the request id"
        time.sleep(0.1)
