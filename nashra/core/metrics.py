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


class Tally:
    """Counts and observations kept in this process until the next flush."""

    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        self.requests = {}  # (kind, status class) -> n
        self.cache = {}  # hit/miss -> n
        # histogram name -> {label: [n per bucket..., sum]}
        self.histograms = {"latency": {}, "search": {}}

    def observe(self, name, label, seconds):
        tally = self.histograms[name].get(label)
        if tally is None:
            tally = self.histograms[name][label] = [0] * (len(BOUNDS) + 1)
        tally[bisect_left(BOUNDS, seconds)] += 1
        tally[-1] += seconds

    def take(self):
        with self.lock:
            taken = (self.requests, self.cache, self.histograms)
            self.clear()
        return taken


BOUNDS = (*LATENCY_BUCKETS, float("inf"))
_tally = Tally()
_flusher = {"pid": None}


def _forget_the_parents_tallies():
    # The parent hands its own to prometheus_client; counted twice otherwise.
    _tally.lock = threading.Lock()
    _tally.clear()


os.register_at_fork(after_in_child=_forget_the_parents_tallies)


def count_request(kind, status, seconds, cache=None):
    if _flusher["pid"] != os.getpid():
        _start_flusher()
    key = (kind, STATUS_CLASSES.get(status // 100, "other"))
    with _tally.lock:
        _tally.requests[key] = _tally.requests.get(key, 0) + 1
        _tally.observe("latency", kind, seconds)
        if cache is not None:
            _tally.cache[cache] = _tally.cache.get(cache, 0) + 1


def observe_search(endpoint, seconds):
    if _flusher["pid"] != os.getpid():
        _start_flusher()
    with _tally.lock:
        _tally.observe("search", endpoint, seconds)


def flush():
    """Hand this process's tallies to prometheus_client."""
    requests, cache, histograms = _tally.take()
    for (kind, status_class), n in requests.items():
        REQUESTS.labels(kind, status_class).inc(n)
    for result, n in cache.items():
        PAGE_CACHE.labels(result).inc(n)
    for metric, name in ((LATENCY, "latency"), (SEARCH, "search")):
        for label, tally in histograms[name].items():
            _add_observations(metric.labels(label), tally)


def _add_observations(child, tally):
    # What Histogram.observe does for one observation, for n of them at once
    # (its values are one per bucket, not cumulative, and a sum).
    for value, n in zip(child._buckets, tally[:-1], strict=True):
        if n:
            value.inc(n)
    child._sum.inc(tally[-1])


def _start_flusher():
    # Once per process: a gunicorn worker is a fork of a parent whose
    # threads it does not have.
    with _tally.lock:
        if _flusher["pid"] == os.getpid():
            return
        _flusher["pid"] = os.getpid()
    threading.Thread(target=_flush_forever, name="metrics-flush", daemon=True).start()


def _flush_forever():
    while True:
        time.sleep(FLUSH_SECONDS)
        flush()
