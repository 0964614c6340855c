"""A live page with 2,000 entries: its first view rendered uncached (#15).

Target ≤ 50 ms. Builds its own SQLite site in a temporary directory (demo
newspaper, then 2,000 entries on its live page through the write path), and
renders the page through the test client with the page cache off, so the
whole Django stack is counted. Three cases:

- "after an update": the page cache missed because an entry was just
  posted; fragments shared with other pages (menu, byline) and the HTML of
  the entries that did not change are warm, as they are on a running site;
- "entries cold": as above, but no entry's HTML is cached (the first view
  after a restart, or after the site's options changed);
- "all cold": the whole Django cache emptied before each render.

    .venv/bin/python bench/live_render_bench.py [entries]
    PROFILE=1 .venv/bin/python bench/live_render_bench.py   # cProfile top 30
"""

import cProfile
import io
import os
import pstats
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
RUNS = int(os.environ.get("RUNS", 30))


def measure(client, url, before=None):
    times, cpu = [], []
    for _ in range(RUNS):
        if before:
            before()
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    return (
        f"wall min {times[0]:.1f} / p50 {statistics.median(times):.1f} / "
        f"max {times[-1]:.1f} ms, CPU p50 {statistics.median(cpu):.1f} ms"
    )


def main(count=2000):
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from nashra.articles.models import ArticlePage
    from nashra.live import writing
    from nashra.live.factories import post_text
    from nashra.live.models import LivePage

    call_command("migrate", verbosity=0)
    if not LivePage.objects.exists():
        call_command("demo", stdout=io.StringIO())
    page = LivePage.objects.get()
    for n in range(count - page.entries.count()):
        post_text(page, f"تحديث رقم {n}: " + "نص التحديث " * 20, key_event=n % 200 == 0)
    client = Client(HTTP_HOST="127.0.0.1")
    article = ArticlePage.objects.live().exact_type(ArticlePage).first()
    assert client.get(page.url).status_code == 200
    queries = []

    def count_query(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_query):
        shown = client.get(page.url).content.count(b" data-entry=")
    newest = page.entries.shown().order_by("-id").first()

    def an_update():
        # What a new entry costs the next reader: one entry's HTML to render.
        writing.change(newest, pinned=False)

    def entries_cold():
        cache.clear()
        client.get(article.url)  # the chrome's fragments again, not the entries'

    print(f"load {os.getloadavg()[0]:.2f}; {page.entries.count()} entries, "
          f"{shown} shown, {len(queries)} queries")  # fmt: skip
    print("after an update:", measure(client, page.url, an_update))
    print("entries cold:   ", measure(client, page.url, entries_cold))
    print("all cold:       ", measure(client, page.url, cache.clear))
    print("nothing changed:", measure(client, page.url))
    print(f"load {os.getloadavg()[0]:.2f}")
    if os.environ.get("PROFILE"):
        profile = cProfile.Profile()
        profile.runcall(lambda: [client.get(page.url) for _ in range(RUNS)])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
