"""`nashra serve --production` stops on SIGTERM/SIGINT within 5 s (#8).

An init system, a container runtime or a deploy script sends SIGTERM and
waits a few seconds before SIGKILL; a master that lingers drops requests on
the next start (the port is still taken) and leaves orphans behind. The
server runs from a temporary NASHRA_VAR_DIR on a free loopback port, with
its own SQLite file: --no-setup, so it answers 500 (no tables), which is
enough to know the workers are up.
"""

import http.client
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from nashra.server.loopback import free_port

# Its own servers and database: CI runs it in the first pass only.
pytestmark = pytest.mark.same_on_every_database

ROOT = Path(__file__).resolve().parents[3]


def answers(url):
    try:
        urllib.request.urlopen(url, timeout=2).read()  # noqa: S310  (loopback)
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def alive(pid):
    """True while the process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def children(pid):
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in found.read_text().split()] if found.exists() else []


@pytest.fixture
def production_server(tmp_path):
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(NASHRA_VAR_DIR=str(tmp_path), NASHRA_WORKERS="2")
    process = subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", "serve", "--production", "--no-setup",
         f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not answers(f"http://127.0.0.1:{port}/"):
            assert process.poll() is None, "the server exited while starting"
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.3)
        process.port = port
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_whole_process_tree_leaves_within_five_seconds(production_server, signum):
    """A stop request empties the tree: master and every worker, under 5 s."""
    master = production_server.pid
    workers = children(master)
    assert workers, "gunicorn started no workers"
    production_server.send_signal(signum)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and (
        production_server.poll() is None or any(map(alive, workers))
    ):
        time.sleep(0.1)
    assert production_server.poll() is not None, "the master is still running"
    assert not [pid for pid in workers if alive(pid)], "workers outlived the master"
    assert production_server.returncode == 0


def test_each_response_closes_its_connection(production_server):
    """A gthread worker accepts all the connections it can: kept alive, a
    burst's connections stuck to one worker and one core did every render
    (32 against 52-60 uncached req/s, #12). Closed after each response,
    the next request goes to whichever worker is free."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", production_server.port, timeout=5
    )
    try:
        connection.request("GET", "/robots.txt")
        response = connection.getresponse()
        response.read()
        assert response.getheader("Connection", "").lower() == "close"
    finally:
        connection.close()
