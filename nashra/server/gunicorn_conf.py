"""gunicorn settings for `nashra serve --production` (#8)."""

accesslog = None
errorlog = "-"
# Long enough for a cold render of a huge page, short enough to free a stuck worker.
timeout = 30
# A stop waits this long for requests in flight; under 5 s, so SIGTERM from an
# init system or a deploy script never has to escalate to SIGKILL.
graceful_timeout = 4
# No keep-alive: a gthread worker accepts every connection it can, so the
# 16 kept-alive connections of a burst all landed on one worker, one core
# did every render and the others idled. Closing after each response lets
# each request go to whichever worker is free: uncached article renders
# went from 32 to 52–60 req/s on 2 cores, cache hits from 1,159 to 918
# (bench/RESULTS.md, #12). Behind nginx, which opens a connection per
# request to its upstream by default, nothing changes. GUNICORN_CMD_ARGS=
# "--keep-alive 5" brings it back for a set-up that only serves hits.
keepalive = 0
# Recycle workers now and then: Python processes only grow. Rarely, though:
# cache hits are thousands a second, and a fresh worker boots Django and,
# without Redis, starts with an empty page cache (a cold home page is seconds
# of rendering). At 20,000 each worker restarted every ~25 s under load, which
# put second-long stalls into every cached benchmark.
max_requests = 1_000_000
max_requests_jitter = 100_000
# gunicorn 23+ opens a control socket at one fixed path per user
# (~/.gunicorn/gunicorn.ctl) that two servers on one host fight over, and
# stopping its thread held the master ~4 s after SIGTERM. Nashra needs neither.
control_socket_disable = True


def post_worker_init(worker):
    """Every worker competes for the scheduler's and the task worker's locks;
    exactly one holds each. Then the loaded site is frozen out of the
    garbage collector's walks."""
    from nashra.server.production import (
        freeze_startup_objects,
        start_scheduler_leader,
        start_worker_leader,
    )

    start_scheduler_leader()
    start_worker_leader()
    freeze_startup_objects()


def child_exit(server, worker):
    """A dead worker's live gauges go (its counters stay in the totals)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def worker_exit(server, worker):
    """Leave at once, skipping the interpreter's teardown.

    A worker's final garbage collections took seconds on a loaded machine, and
    the master waits for every worker before it exits, so SIGTERM looked
    ignored. Nothing in a worker needs that teardown once its connections are
    closed and its logs flushed. The exit status is the one gunicorn chose
    (it tells the master whether the worker could boot).
    """
    import logging
    import os
    import sys

    from django.db import connections

    connections.close_all()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    leaving = sys.exc_info()[1]
    code = leaving.code if isinstance(leaving, SystemExit) else 1
    os._exit(code if isinstance(code, int) else 1)
