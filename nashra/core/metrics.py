"""The process's Prometheus metrics (#17), counted where things happen.

prometheus_client keeps each value in this process; under
``serve --production`` PROMETHEUS_MULTIPROC_DIR (set before gunicorn starts,
nashra/server/production.py) makes every worker write its values to files
there, and ``/metrics`` adds them up, whichever worker answers. What the
database knows (queue depth, pending comments, publishing lag) is read when
``/metrics`` is asked (nashra/server/metrics.py), not counted here.

``settings.METRICS`` off (NASHRA_METRICS=0) counts nothing: the benchmark
compares the two (bench/RESULTS.md).
"""

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
# Label look-ups take a lock; the children are kept here once made.
_requests, _latency, _cache = {}, {}, {}


def count_request(kind, status, seconds, cache=None):
    status_class = STATUS_CLASSES.get(status // 100, "other")
    key = (kind, status_class)
    counter = _requests.get(key)
    if counter is None:
        counter = _requests[key] = REQUESTS.labels(kind, status_class)
    counter.inc()
    histogram = _latency.get(kind)
    if histogram is None:
        histogram = _latency[kind] = LATENCY.labels(kind)
    histogram.observe(seconds)
    if cache is not None:
        result = _cache.get(cache)
        if result is None:
            result = _cache[cache] = PAGE_CACHE.labels(cache)
        result.inc()


def observe_search(endpoint, seconds):
    SEARCH.labels(endpoint).observe(seconds)
