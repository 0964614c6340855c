"""One uncached article render: SQL query count and p50/p99 time (#8).

Target: p50 ≤ 15 ms with ≤ 15 queries. Runs against the configured database
(e.g. NASHRA_VAR_DIR=/tmp/perf8-sqlite after `nashra generate`), through the
test client with the page cache off, so the whole Django stack is counted.

    NASHRA_VAR_DIR=/tmp/perf8-sqlite .venv/bin/python bench/render_bench.py [path]

The shared fragments (menu, ticker, byline, body, related stories, comment
thread: see docs/decisions/uncached-pages.md) stay warm between renders, as
they do between readers. COLD=1 empties the whole cache before each render
(the first view of a page after a publish, with nothing cached anywhere):
never with a Redis database that a running site uses. EACH_NEW=1 renders a
different, never-viewed article each time (shared fragments warm, the
article's own cold): a page cache miss on the long tail.
BUMP=front,section:4 bumps those page-cache groups before each render, as a
publish in section 4 does (#12): the home page then renders its lead, latest
and section-4 blocks again and reads the others from the fragment cache.
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
os.environ["NASHRA_PAGE_CACHE"] = "0"
# As `nashra serve --production` runs: connections kept between requests.
os.environ.setdefault("NASHRA_DB_CONN_MAX_AGE", "60")


def main(path=None, runs=50):
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from nashra.articles.models import ArticlePage
    from nashra.server.production import freeze_startup_objects

    if path is None:
        path = ArticlePage.objects.published().newest_first()[5].url
    paths = [path] * runs
    if os.environ.get("EACH_NEW") == "1":
        fresh = ArticlePage.objects.published().newest_first()[2000 : 2000 + runs + 1]
        paths = [a.url for a in fresh.defer_streamfields()]
    # Django empties the query log when a request starts; keep it to count.
    request_started.disconnect(reset_queries)
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get(path).status_code == 200
    forget = cache.clear if os.environ.get("COLD") == "1" else lambda: None
    if os.environ.get("BUMP"):
        from nashra.core.invalidate import bump_now

        def forget():
            bump_now(os.environ["BUMP"].split(","))

    forget()
    counted = paths.pop() if os.environ.get("EACH_NEW") == "1" else path
    with CaptureQueriesContext(connection) as queries:
        client.get(counted)
    captured = list(queries.captured_queries)
    if os.environ.get("GC_FREEZE", "1") == "1":
        # As each gunicorn worker does once it has loaded the site.
        freeze_startup_objects()
    times, cpu = [], []
    for each in paths:
        forget()
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(each)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    # CPU time of this process too: on the shared machine, wall time also
    # counts the moments other processes held the core.
    print(f"{counted}: {len(captured)} queries, p50 {statistics.median(times):.1f} ms,"
          f" p99 {times[int(len(times) * 0.99) - 1]:.1f} ms, CPU p50"
          f" {statistics.median(cpu):.1f} ms ({runs} runs,"
          f" load {os.getloadavg()[0]:.2f})")  # fmt: skip
    if "-v" in sys.argv:
        for query in captured:
            print(f"{query['time']}  {query['sql'][-1200:]}")


if __name__ == "__main__":
    main(next((a for a in sys.argv[1:] if a.startswith("/")), None),
         int(os.environ.get("RUNS", 50)))  # fmt: skip
