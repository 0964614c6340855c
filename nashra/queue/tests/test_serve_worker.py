"""`serve --production` runs one task worker per site, not one per gunicorn
worker, and another gunicorn worker takes over when its holder dies (#14)."""

import os
import signal
import time

import pytest

from nashra.queue.tests.processes import (
    migrate_queue,
    query,
    site_env,
    start,
    stop,
    wait_until,
)
from nashra.queue.tests.smtp import free_port
from nashra.server.tests.test_production_stop import answers, children

# Its own servers and database: CI runs it in the first pass only.
pytestmark = pytest.mark.same_on_every_database

ALIVE = (
    "SELECT pid FROM queue_queueworker WHERE seen_at > datetime('now', '-2 seconds')"
)


def test_one_worker_for_three_gunicorn_workers_and_a_successor(tmp_path):
    env = site_env(tmp_path, NASHRA_WORKERS="3", NASHRA_THREADS="1")
    migrate_queue(env)
    port = free_port()
    server = start("serve", "--production", "--no-setup", f"127.0.0.1:{port}", env=env)
    try:
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/"), 120,
                   "the server never answered")  # fmt: skip
        wait_until(lambda: len(children(server.pid)) == 3, 30, "three workers")
        holders = set()
        for _ in range(15):
            alive = query(tmp_path, ALIVE)
            assert len(alive) <= 1, f"one task worker per site, found {alive}"
            holders.update(pid for (pid,) in alive)
            time.sleep(0.2)
        (holder,) = holders
        assert holder in children(server.pid), "it runs inside a gunicorn worker"
        os.kill(holder, signal.SIGKILL)
        successor = wait_until(
            lambda: [pid for (pid,) in query(tmp_path, ALIVE) if pid != holder],
            30, "no gunicorn worker took the queue over",
        )  # fmt: skip
        assert len(successor) == 1
    finally:
        stop(server)
