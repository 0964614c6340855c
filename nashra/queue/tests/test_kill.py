"""Nothing is lost when a worker is killed mid-job (#14).

A worker process takes a job that waits half-way; SIGKILL ends the process
there, with the job still marked RUNNING. A second worker sees that the
first one's heartbeat stopped, puts the job back and finishes it.
"""

import os
import signal

import pytest

from nashra.queue.tests.processes import (
    JOBS,
    migrate_queue,
    nashra,
    query,
    site_env,
    start,
    stop,
    wait_until,
)

# Its own servers and database: CI runs it in the first pass only.
pytestmark = pytest.mark.same_on_every_database

ENQUEUE = (
    "from nashra.queue.tests.jobs import slow_write; slow_write.enqueue({folder!r})"
)


def test_a_job_killed_half_way_is_finished_by_the_next_worker(tmp_path):
    env = site_env(tmp_path)
    migrate_queue(env)
    folder = tmp_path / "job"
    folder.mkdir()
    nashra("shell", "-c", ENQUEUE.format(folder=str(folder)), env=env)

    def status():
        (row,) = query(tmp_path, f"SELECT status, worker_ids FROM {JOBS}")  # noqa: S608
        return row

    first = start("worker", env=env)
    try:
        wait_until(lambda: (folder / f"started-{first.pid}").exists(), 60,
                   "the first worker never started the job")  # fmt: skip
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(10)
    finally:
        stop(first)
    assert status()[0] == "RUNNING", "killed half-way, the job still looks taken"
    assert not (folder / "done").exists()
    (folder / "go").write_text("")
    second = start("worker", env=env)
    try:
        wait_until(lambda: status()[0] == "SUCCESSFUL", 60,
                   "the second worker never finished the job")  # fmt: skip
    finally:
        stop(second)
    assert (folder / "done").read_text() == str(second.pid)
    assert status()[1].count(":") == 4, "claimed twice: by each worker"
    assert query(tmp_path, f"SELECT count(*) FROM {JOBS}") == [(1,)]  # noqa: S608
