"""Search speed and indexing throughput at a large archive (#5).

    .venv/bin/python bench/search_bench.py                     # SQLite FTS5
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nashra_bench \\
        .venv/bin/python bench/search_bench.py                  # PostgreSQL

Works in a throw-away test database. Three figures:

1. Indexing through the site's own code (indexing.rebuild: read the
   ArticlePage, body_text(), analyse(), upsert) on N real ArticlePages.
2. Bulk indexing of 100,000 articles: each text is built from evaluation
   articles plus unique words, run through analyse() and inserted in
   batches, so the triggers fill FTS5 / the tsvector as on the site. The
   foreign keys to pages are dropped in this throw-away database, as the
   100,000 pages themselves are not created.
3. Search latency over that archive: every evaluation query through the
   search page's two statements (count + ranked page of 10), by relevance
   and by date, and the search-as-you-type prefixes; then the name set's
   queries (#18) by relevance; p50 / p99 / max.

Targets: p50 <= 20 ms, p99 <= 100 ms, indexing >= 1,000 articles/s.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from nashra.articles.models import ArticlePage  # noqa: E402
from nashra.home.models import HomePage  # noqa: E402
from nashra.search import indexing, signals  # noqa: E402
from nashra.search.backends import Filters, get_backend  # noqa: E402
from nashra.search.models import SearchEntry  # noqa: E402
from nashra.sections.models import SectionPage  # noqa: E402
from nashra.text.analysis import analyse, analyse_for_index  # noqa: E402
from nashra.text.query import parse_query  # noqa: E402
from tests.search_eval.corpus import ARTICLES  # noqa: E402
from tests.search_eval.queries import QUERIES  # noqa: E402
from tests.search_eval.queries_names import NAME_QUERIES  # noqa: E402

SQLITE_FILE = str(Path(tempfile.gettempdir()) / "nashra-search-bench.sqlite3")
BATCH = 2000
SUGGEST_PREFIXES = ["وز", "الاقت", "مدرس", "الأهل", "مستشف", "كرة ال", "الطاقة الشم"]


def synthetic_text(rng: random.Random, number: int) -> tuple[str, str]:
    """A headline and a ~300-word body mixed from three evaluation articles."""
    picks = rng.sample(ARTICLES, 3)
    title = f"{picks[0]['title']} {_word(number)}"
    body = " ".join(article["body"] for article in picks) + f" {_word(number * 7)}"
    return title, body


def _word(number: int) -> str:
    # A unique Arabic word per article, so no two documents are identical.
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    word = ""
    while True:
        number, digit = divmod(number, len(letters))
        word += letters[digit]
        if not number:
            return "كلمة" + word


def drop_page_foreign_keys():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE contype = 'f' "
                "AND conrelid = 'search_searchentry'::regclass"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(
                    f'ALTER TABLE search_searchentry DROP CONSTRAINT "{name}"'
                )
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys = OFF")


def bulk_index(count: int, *, analysed: bool) -> float:
    """Insert ``count`` synthetic articles; returns articles/s.

    With ``analysed`` each text goes through analyse() as on the site;
    without, rows are composed from pre-analysed evaluation articles, which
    measures the database side alone (insert, triggers, FTS5 / GIN).
    """
    rng = random.Random(5)
    terms = {
        a["id"]: (*analyse_for_index(a["title"]), *analyse_for_index(a["body"]))
        for a in ARTICLES
    }
    now = timezone.now()
    started = time.perf_counter()
    first_id = 10_000_000 if analysed else 20_000_000
    for start in range(0, count, BATCH):
        rows = []
        for number in range(start, min(start + BATCH, count)):
            if analysed:
                title, body = synthetic_text(rng, number)
                title_terms, title_keys = analyse_for_index(title)
                body_terms, body_keys = analyse_for_index(body)
                name_terms = title_keys + body_keys
            else:
                picks = rng.sample(ARTICLES, 3)
                unique = analyse(_word(number))
                title_terms = terms[picks[0]["id"]][0] + unique
                body_terms = [t for a in picks for t in terms[a["id"]][2]] + unique
                name_terms = terms[picks[0]["id"]][1] + [
                    key for a in picks for key in terms[a["id"]][3]
                ]
            rows.append(
                SearchEntry(
                    page_id=first_id + number,
                    section_id=None,
                    published_at=now - timedelta(days=rng.uniform(0, 3650)),
                    title_terms=" ".join(title_terms),
                    body_terms=" ".join(body_terms),
                    name_terms=" ".join(name_terms),
                )
            )
        with transaction.atomic():
            SearchEntry.objects.bulk_create(rows)
        done = min(start + BATCH, count)
        rate = done / (time.perf_counter() - started)
        print(f"\r  indexed {done:,}/{count:,} ({rate:,.0f}/s)", end="", flush=True)
    print()
    return count / (time.perf_counter() - started)


def optimise():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE search_searchentry")
        else:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")


def real_pages(count: int) -> float:
    """Create ``count`` ArticlePages, then time indexing.rebuild() over them."""
    post_save.disconnect(dispatch_uid="nashra-search-save", sender=ArticlePage)
    home = HomePage.objects.get()
    section = home.add_child(instance=SectionPage(title="أرشيف", slug="bench"))
    rng = random.Random(7)
    now = timezone.now()
    for number in range(count):
        title, body = synthetic_text(rng, number)
        section.add_child(
            instance=ArticlePage(
                title=title[:250],
                slug=f"bench-{number}",
                body=[{"type": "paragraph", "value": f"<p>{body}</p>"}],
                published_at=now - timedelta(days=number % 3000),
            )
        )
        if number % 100 == 99:
            print(f"\r  created {number + 1:,}/{count:,} pages", end="", flush=True)
    print()
    signals.connect()
    SearchEntry.objects.all().delete()
    started = time.perf_counter()
    seen, indexed = indexing.rebuild()
    elapsed = time.perf_counter() - started
    assert indexed == count, (seen, indexed)
    return count / elapsed


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def time_queries(rounds: int) -> dict[str, list[float]]:
    backend = get_backend()
    queries = [item["query"] for item in QUERIES]
    timings = {
        "page (relevance)": [],
        "page (newest)": [],
        "suggest": [],
        "names (relevance)": [],
    }
    for _ in range(rounds):
        for q in queries:
            parsed = parse_query(q)
            for order in ("relevance", "newest"):
                started = time.perf_counter()
                if not parsed.is_empty:
                    backend.count(parsed, Filters())
                    backend.search(parsed, Filters(), order=order, limit=10)
                timings[f"page ({order})"].append(time.perf_counter() - started)
        for q in SUGGEST_PREFIXES + queries[:30]:
            parsed = parse_query(q)
            started = time.perf_counter()
            if not parsed.is_empty:
                backend.search(
                    parsed, Filters(), limit=6, prefix_last=True, titles_only=True
                )
            timings["suggest"].append(time.perf_counter() - started)
        # Name queries ask for keys as well as terms (#18).
        for item in NAME_QUERIES:
            parsed = parse_query(item["query"])
            started = time.perf_counter()
            if not parsed.is_empty:
                backend.count(parsed, Filters())
                backend.search(parsed, Filters(), limit=10)
            timings["names (relevance)"].append(time.perf_counter() - started)
    return timings


def report(timings: dict[str, list[float]]) -> None:
    for name, values in timings.items():
        ms = [value * 1000 for value in values]
        print(
            f"{name:<18} n={len(ms):>4}  p50 {statistics.median(ms):6.1f} ms"
            f"  p99 {percentile(ms, 0.99):6.1f} ms  max {max(ms):6.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--analysed", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="only time the queries, on the database a --keep run left",
    )
    args = parser.parse_args()
    if args.reuse:
        connection.settings_dict["NAME"] = (
            SQLITE_FILE
            if connection.vendor == "sqlite"
            else connection.creation._get_test_db_name()
        )
        report(time_queries(args.rounds))
        return

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        # A file, as on the site: an in-memory database would flatter SQLite.
        connection.settings_dict["TEST"]["NAME"] = SQLITE_FILE
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor}")
        if args.pages:
            rate = real_pages(args.pages)
            print(f"indexing.rebuild() of {args.pages:,} ArticlePages: {rate:,.0f}/s")
        drop_page_foreign_keys()
        SearchEntry.objects.all().delete()
        if args.analysed:
            rate = bulk_index(args.analysed, analysed=True)
            print(f"analyse() + insert, {args.analysed:,} articles: {rate:,.0f}/s")
            SearchEntry.objects.all().delete()
        rate = bulk_index(args.articles, analysed=False)
        print(f"insert of {args.articles:,} analysed articles: {rate:,.0f}/s")
        optimise()
        report(time_queries(args.rounds))
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
