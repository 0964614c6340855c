"""The process's Prometheus metrics (#17), counted where things happen.

prometheus_client keeps each value in this process; under
``serve --production`` PROMETHEUS_MULTIPROC_DIR (set before gunicorn starts,
nashra/server/production.py) makes every worker write its values to files
there, and ``/metrics`` adds them up, whichever worker answers. What the
database knows (queue depth, pending comments, publishing lag) is read when
``/metrics`` is asked (nashra/server/metrics.py), not counted here.

``settings.METRICS`` off (NASHRA_METRICS=0) counts nothing: the benchmark
compares the two (bench/RESULTS.md).

Counting a request only adds to this process's own tallies, under one lock;
they reach prometheus_client (whose multiprocess values are file writes
under locks, most of the metrics' cost per request) at most once a second,
from a thread of each process, and at once before ``/metrics`` answers.
A scrape can thus miss up to a second of another worker's requests, never
lose them. Measured: bench/RESULTS.md, "Metrics overhead".
"""

import os
import threading
import time
from bisect import bisect_left

from prometheus_client import Counter, Histogram

# Seconds: a cache hit is about a millisecond, a cold render up to seconds.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10)

REQUESTS = Counter(
    "nashra_requests",
    "Requests answered, by page kind and status class.",
    ["kind", "status"],
)
LATENCY = Histogram(
    "nashra_request_seconds",
    "Time to answer a request, by page kind.",
    ["kind"],
    buckets=LATENCY_BUCKETS,
)
PAGE_CACHE = Counter(
    "nashra_page_cache",
    "Page-cache look-ups of cacheable requests, by result (hit or miss).",
    ["result"],
)
SEARCH = Histogram(
    "nashra_search_seconds",
    "Time to answer a search, by endpoint (page or suggest).",
    ["endpoint"],
    buckets=LATENCY_BUCKETS,
)

STATUS_CLASSES = {n: f"{n}xx" for n in range(1, 6)}
FLUSH_SECONDS = 1.0
BOUNDS = (*LATENCY_BUCKETS, float("inf"))


class Tally:
    """Counts and observations kept in this process until the next flush.

    A request is one row, keyed by (kind, status, cache result):
    its count, the sum of its seconds and a count per latency bucket, so
    counting it is one dictionary look-up; flush() splits the rows into the
    three metrics.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.rows = {}
        self.searches = {}  # endpoint -> [n per bucket..., sum]

    def take(self):
        with self.lock:
            taken = (self.rows, self.searches)
            self.clear()
        return taken


_tally = Tally()
_flusher = {"started": False}


def _forget_the_parents_tallies():
    # The parent hands its own to prometheus_client; counted twice otherwise,
    # and a fork has none of the parent's threads.
    _tally.lock = threading.Lock()
    _tally.clear()
    _flusher["started"] = False


os.register_at_fork(after_in_child=_forget_the_parents_tallies)


def count_request(kind, status, seconds, cache=None,
                  _bisect=bisect_left, _bounds=BOUNDS, _tally=_tally):  # fmt: skip
    # Every reader's request passes here: locals for the globals, the lock
    # by hand, the status class worked out at the flush (bench/RESULTS.md).
    if not _flusher["started"]:
        _start_flusher()
    key = (kind, status, cache)
    bucket = _bisect(_bounds, seconds) + 1
    lock = _tally.lock
    lock.acquire()
    try:
        row = _tally.rows.get(key)
        if row is None:
            row = _tally.rows[key] = [0.0] + [0] * len(_bounds)
        row[0] += seconds
        row[bucket] += 1
    finally:
        lock.release()


def observe_search(endpoint, seconds):
    if not _flusher["started"]:
        _start_flusher()
    bucket = bisect_left(BOUNDS, seconds)
    with _tally.lock:
        tally = _tally.searches.get(endpoint)
        if tally is None:
            tally = _tally.searches[endpoint] = [0] * len(BOUNDS) + [0.0]
        tally[bucket] += 1
        tally[-1] += seconds


def flush():
    """Hand this process's tallies to prometheus_client."""
    rows, searches = _tally.take()
    latency = {}
    for (kind, status, cache), row in rows.items():
        counts = row[1:]
        n = sum(counts)
        REQUESTS.labels(kind, STATUS_CLASSES.get(status // 100, "other")).inc(n)
        if cache is not None:
            PAGE_CACHE.labels(cache).inc(n)
        merged = latency.setdefault(kind, [0] * len(BOUNDS) + [0.0])
        for index, count in enumerate(counts):
            merged[index] += count
        merged[-1] += row[0]
    for kind, tally in latency.items():
        _add_observations(LATENCY.labels(kind), tally)
    for endpoint, tally in searches.items():
        _add_observations(SEARCH.labels(endpoint), tally)


def _add_observations(child, tally):
    # What Histogram.observe does for one observation, for n of them at once
    # (its values are one per bucket, not cumulative, and a sum).
    for value, n in zip(child._buckets, tally[:-1], strict=True):
        if n:
            value.inc(n)
    child._sum.inc(tally[-1])


def _start_flusher():
    # Once per process: a gunicorn worker is a fork of a parent whose
    # threads it does not have (the fork hook above clears the flag).
    with _tally.lock:
        if _flusher["started"]:
            return
        _flusher["started"] = True
    threading.Thread(target=_flush_forever, name="metrics-flush", daemon=True).start()


def _flush_forever():
    while True:
        time.sleep(FLUSH_SECONDS)
        flush()
