"""Nashra processes of a test's own: a temporary var dir, SQLite, no Redis."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
JOBS = "django_tasks_database_dbtaskresult"


def site_env(var_dir, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        NASHRA_VAR_DIR=str(var_dir),
        NASHRA_TASK_HEARTBEAT="0.5",
        NASHRA_TASK_POLL_INTERVAL="0.2",
        **extra,
    )
    return env


def nashra(*args, env, **options):
    return subprocess.run(
        [sys.executable, "-m", "nashra.cli", *args],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=180,
        **options,
    )  # fmt: skip


def start(*args, env):
    return subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", *args],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


CREATE_TABLES = (
    "from django.db import connection; "
    "from django_tasks_db.models import DBTaskResult; "
    "from nashra.queue.models import QueueWorker; "
    "editor = connection.schema_editor(); editor.__enter__(); "
    "[editor.create_model(m) for m in (DBTaskResult, QueueWorker)]; "
    "editor.__exit__(None, None, None)"
)


def migrate_queue(env):
    """Only the queue's two tables, all these processes need: a full migrate
    takes a minute, and `migrate queue` alone trips post_migrate handlers
    that want every other table."""
    nashra("shell", "-c", CREATE_TABLES, env=env)


def query(var_dir, sql, *params):
    with sqlite3.connect(Path(var_dir) / "db.sqlite3", timeout=10) as db:
        return db.execute(sql, params).fetchall()


def wait_until(check, timeout=60, message="never happened"):
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, message
        time.sleep(0.1)


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(10)
