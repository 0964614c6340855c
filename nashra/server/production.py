"""`nashra serve --production`: gunicorn, hashed static files, one scheduler (#8).

Decisions (docs/decisions/page-cache.md):
- The WSGI application is nashra.pagecache.wsgi: cache hits are answered
  before Django's handler, everything else goes through it.
- gunicorn gthread workers, cores + 1 processes × 4 threads (NASHRA_WORKERS,
  NASHRA_THREADS): sync workers close the connection after every response,
  and a render waiting on the database holds a whole process; threads do
  not. Keep-alive is off (gunicorn_conf.py): kept-alive connections all
  stuck to one worker, and one core did every render. Fewer processes also
  means less memory.
- whitenoise serves static files with hashed names (collectstatic with
  CompressedManifestStaticFilesStorage at start), far-future Cache-Control,
  and pre-compressed gzip/brotli files.
- HTML is compressed once when the page cache stores it (responses.py), and
  served gzipped from the cache; nginx in front may re-encode with brotli.
- gunicorn's access log off by default (NASHRA_ACCESS_LOG=1 turns it on):
  Nashra logs one line per request itself, with its id (core/observe.py).
- Metrics of every worker in var/metrics (PROMETHEUS_MULTIPROC_DIR),
  cleared at start; /metrics adds them up (server/metrics.py).
- Without Redis each worker has its own cache, so the page cache's versions
  go to an SQLite file all workers share.
- Scheduled publishing runs in exactly one worker: the one holding an
  exclusive lock on var/scheduler.lock; if it dies, another takes over.
  The task queue's worker is placed the same way (var/tasks-worker.lock).
"""

import fcntl
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings

from nashra.queue.worker import Worker, queue_is_in_database, run_until_stopped
from nashra.server.scheduler import SchedulerThread


def worker_count():
    return int(os.environ.get("NASHRA_WORKERS") or (os.cpu_count() or 1) + 1)


def thread_count():
    """Threads per worker; above 1, gunicorn runs gthread workers."""
    return int(os.environ.get("NASHRA_THREADS") or 4)


def production_environment():
    env = dict(os.environ)
    env["NASHRA_STATIC_MANIFEST"] = "1"
    # A fixed pool of workers: each may keep its connection between requests.
    env.setdefault("NASHRA_DB_CONN_MAX_AGE", "60")
    env.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
    # Each worker writes its metrics here; /metrics adds them up (#17).
    env.setdefault("PROMETHEUS_MULTIPROC_DIR", str(settings.VAR_DIR / "metrics"))
    if not settings.REDIS_URL:
        env.setdefault(
            "NASHRA_PAGE_CACHE_VERSIONS_FILE",
            str(settings.VAR_DIR / "pagecache" / "versions.sqlite3"),
        )
    return env


def gunicorn_arguments(addrport, workers, threads=1):
    arguments = [
        sys.executable,
        "-m",
        "gunicorn",
        "nashra.pagecache.wsgi:application",
        "--bind",
        addrport,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--config",
        "python:nashra.server.gunicorn_conf",
    ]
    if os.environ.get("NASHRA_ACCESS_LOG"):
        arguments += ["--access-logfile", "-"]
    return arguments


def run(addrport, workers=None, threads=None, stdout=None):
    """Collect static files, then replace this process with gunicorn."""
    env = production_environment()
    subprocess.run(
        [sys.executable, "-m", "django", "collectstatic", "--noinput", "-v0"],
        env=env,
        check=True,
    )
    clear_metrics(env["PROMETHEUS_MULTIPROC_DIR"])
    workers, threads = workers or worker_count(), threads or thread_count()
    arguments = gunicorn_arguments(addrport, workers, threads)
    if stdout is not None:
        stdout.write(
            f"Nashra (production): http://{addrport}/ — {workers} workers"
            f" × {threads} threads"
        )
    os.execve(sys.executable, arguments, env)  # noqa: S606


def writable_paths():
    """Where `serve --production` writes: checked before it starts (#17)."""
    paths = [settings.VAR_DIR, Path(settings.STATIC_ROOT)]
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        paths.append(Path(settings.MEDIA_ROOT))
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        paths.append(Path(database["NAME"]).parent)
    return list(dict.fromkeys(Path(path) for path in paths))


def clear_metrics(directory):
    """The previous run's counts go: a restart starts every counter at 0,
    as Prometheus expects of a restarted target."""
    path = Path(directory)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    for old in path.glob("*.db"):
        old.unlink(missing_ok=True)


class LockLeader(threading.Thread):
    """Waits for an exclusive lock on a file in var/, then runs `work` in
    this process; the kernel frees the lock when the process exits, and a
    waiting worker takes over."""

    def __init__(self, name, path, interval, work):
        super().__init__(name=f"nashra-{name}-leader", daemon=True)
        self.path = path
        self.interval = interval
        self.work = work
        self.handle = None

    def run(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a")
        while True:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                time.sleep(self.interval)
                continue
            self.work()
            return


def start_scheduler_leader():
    interval = settings.SCHEDULER_INTERVAL
    leader = LockLeader(
        "scheduler",
        settings.VAR_DIR / "scheduler.lock",
        interval,
        SchedulerThread(interval).run,
    )
    leader.start()
    return leader


def start_worker_leader():
    """One task worker per site, not one per gunicorn worker (#14): every
    gunicorn worker waits for var/tasks-worker.lock and the holder runs the
    queue in a thread. A killed or recycled holder frees the lock, another
    worker takes over and its heartbeat puts the dead one's job back. Sites
    that run `nashra worker` instead set NASHRA_IN_PROCESS_WORKER=0."""
    if not (settings.TASK_WORKER_IN_PROCESS and queue_is_in_database()):
        return None
    leader = LockLeader(
        "tasks",
        settings.VAR_DIR / "tasks-worker.lock",
        settings.TASK_HEARTBEAT,
        lambda: run_until_stopped(Worker()),
    )
    leader.start()
    return leader


def freeze_startup_objects():
    """Move everything loaded at start-up out of the garbage collector's sight.

    A booted worker holds hundreds of thousands of long-lived objects (Django,
    Wagtail, templates, URL patterns) that each full collection walks again,
    though none of them is ever garbage. Freezing them once the site is loaded
    leaves the collector only what requests create (#8).
    """
    import gc

    gc.collect()
    gc.freeze()
