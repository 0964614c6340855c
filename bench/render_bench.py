"""One uncached article render: SQL query count and p50/p99 time (#8).

Target: p50 ≤ 15 ms with ≤ 15 queries. Runs against the configured database
(e.g. NASHRA_VAR_DIR=/tmp/perf8-sqlite after `nashra generate`), through the
test client with the page cache off, so the whole Django stack is counted.

    NASHRA_VAR_DIR=/tmp/perf8-sqlite .venv/bin/python bench/render_bench.py [path]
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
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from nashra.articles.models import ArticlePage
    from nashra.pagecache.production import freeze_startup_objects

    if path is None:
        path = ArticlePage.objects.published().newest_first()[5].url
    # Django empties the query log when a request starts; keep it to count.
    request_started.disconnect(reset_queries)
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    captured = list(queries.captured_queries)
    if os.environ.get("GC_FREEZE", "1") == "1":
        # As each gunicorn worker does once it has loaded the site.
        freeze_startup_objects()
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    # CPU time of this process too: on the shared machine, wall time also
    # counts the moments other processes held the core.
    print(f"{path}: {len(captured)} queries, p50 {statistics.median(times):.1f} ms,"
          f" p99 {times[int(len(times) * 0.99) - 1]:.1f} ms, CPU p50"
          f" {statistics.median(cpu):.1f} ms ({runs} runs,"
          f" load {os.getloadavg()[0]:.2f})")  # fmt: skip
    if "-v" in sys.argv:
        for query in captured:
            print(f"{query['time']}  {query['sql'][-1200:]}")


if __name__ == "__main__":
    main(next((a for a in sys.argv[1:] if a.startswith("/")), None),
         int(os.environ.get("RUNS", 50)))  # fmt: skip
