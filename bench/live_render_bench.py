"""A live page with 2,000 entries: its first view rendered uncached (#15).

Target ≤ 50 ms. Builds its own SQLite site in a temporary directory (demo
newspaper, then 2,000 entries on its live page through the write path), and
renders the page through the test client with the page cache off, so the
whole Django stack is counted; fragments shared with other pages (menu,
byline) stay warm as they do between readers.

    .venv/bin/python bench/live_render_bench.py [entries]
"""

import io
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
os.environ["NASHRA_PAGE_CACHE"] = "0"
# Kept between runs: writing 2,000 entries through the write path takes minutes.
os.environ.setdefault(
    "NASHRA_VAR_DIR", f"{tempfile.gettempdir()}/live-render-{os.getuid()}"
)
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)


def main(count=2000, runs=30):
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from nashra.live.factories import post_text
    from nashra.live.models import LivePage

    call_command("migrate", verbosity=0)
    if not LivePage.objects.exists():
        call_command("demo", stdout=io.StringIO())
    page = LivePage.objects.get()
    for n in range(count - page.entries.count()):
        post_text(page, f"تحديث رقم {n}: " + "نص التحديث " * 20, key_event=n % 200 == 0)
    # Django empties the query log when a request starts; keep it to count.
    request_started.disconnect(reset_queries)
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get(page.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(page.url)
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(page.url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    print(f"{page.entries.count()} entries, {len(queries.captured_queries)} queries: "
          f"p50 {statistics.median(times):.1f} ms, max {times[-1]:.1f} ms, "
          f"CPU p50 {statistics.median(cpu):.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
