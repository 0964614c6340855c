"""Search quality of the database backend on the #5 evaluation set.

    .venv/bin/python bench/search_eval_db.py                  # SQLite FTS5
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nashra \\
        .venv/bin/python bench/search_eval_db.py               # PostgreSQL

Creates a throw-away test database, loads the 62 evaluation articles as real
ArticlePages (indexed by the site's own signals) and prints recall@10, MRR
and precision@10 per query kind for the backend in use and for the LIKE
baseline. On PostgreSQL it also scores PostgreSQL's own `arabic` Snowball
configuration fed the raw text, the alternative #5 asks us to measure.

Then it adds the 50 name articles and scores the name set (#18) the same
way, on all 112 articles.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.search_eval import print_report  # noqa: E402
from tests.search_eval.corpus import ARTICLES  # noqa: E402
from tests.search_eval.corpus_names import ARTICLES as NAME_ARTICLES  # noqa: E402
from tests.search_eval.evaluate import evaluate, like_search  # noqa: E402
from tests.search_eval.queries import QUERIES  # noqa: E402
from tests.search_eval.queries_names import NAME_QUERIES  # noqa: E402
from tests.search_eval.test_backends import database_search, load_corpus  # noqa: E402


def postgres_arabic_search(articles):
    """PostgreSQL's `arabic` configuration on the raw text, websearch syntax."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TABLE IF EXISTS eval_arabic;"
            "CREATE TEMP TABLE eval_arabic (id int, document tsvector);"
            "CREATE INDEX ON eval_arabic USING GIN (document)"
        )
        for article in articles:
            cursor.execute(
                "INSERT INTO eval_arabic VALUES (%s, setweight(to_tsvector("
                "'arabic', %s), 'A') || setweight(to_tsvector('arabic', %s), 'B'))",
                [article["id"], article["title"], article["body"]],
            )

    def search(query: str) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM eval_arabic, websearch_to_tsquery('arabic', %s) q "
                "WHERE document @@ q ORDER BY ts_rank_cd(document, q, 1) DESC, id "
                "LIMIT 10",
                [query],
            )
            return [row[0] for row in cursor.fetchall()]

    return search


def score(title: str, pages: dict, articles: list, queries: list) -> None:
    print(f"\n== {title}")
    engines = {
        f"nashra on {connection.vendor}": database_search(pages),
        "like (WordPress baseline)": like_search(articles),
    }
    if connection.vendor == "postgresql":
        engines["postgresql 'arabic' snowball"] = postgres_arabic_search(articles)
    for name, search in engines.items():
        report = evaluate(search, queries)
        print_report(name, report)
        for query, relevant, got in report["failures"][:8]:
            print(f"    missed: {query!r} relevant={relevant} got={got}")


def main() -> None:
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        pages = load_corpus()
        score("ordinary set", pages, ARTICLES, QUERIES)
        pages |= load_corpus(NAME_ARTICLES, slug="eval-names")
        score("name set (#18)", pages, ARTICLES + NAME_ARTICLES, NAME_QUERIES)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
