"""Search quality and analysis speed on the #5 evaluation set.

    .venv/bin/python bench/search_eval.py

Prints recall@10, MRR and precision@10 per query kind for our analysis, the
Snowball Arabic stemmer and a WordPress-style LIKE search, the same for the
name set (#18), then analyse() throughput. To score a database backend, import ``evaluate`` and pass it a
function from a query string to ranked article ids:

    from bench.search_eval import evaluate   # or tests.search_eval.evaluate
    report = evaluate(lambda q: [page.legacy_id for page in backend.search(q)])
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nashra.text.analysis import analyse, analyse_for_index
from nashra.text.names import _marked_keys, looks_foreign, name_key
from nashra.text.stemming import stem
from tests.search_eval.corpus import ARTICLES
from tests.search_eval.corpus_names import ARTICLES as NAME_ARTICLES
from tests.search_eval.evaluate import InMemoryIndex, engines, evaluate, like_search
from tests.search_eval.queries_names import NAME_QUERIES

__all__ = ["evaluate", "main"]


def print_report(name: str, report: dict) -> None:
    print(f"\n{name}")
    print(f"  {'kind':<14}{'n':>4}{'recall@10':>11}{'MRR':>7}{'P@10':>7}")
    for kind, row in report.items():
        if isinstance(row, dict):
            print(
                f"  {kind:<14}{row['queries']:>4}{row['recall']:>11.3f}"
                f"{row['mrr']:>7.3f}{row['precision']:>7.3f}"
            )
    print(f"  no-result queries that found something: {report['no_result_hits']}")


def throughput(
    count: int = 3000, bodies_per_article: int = 6, analyser=analyse
) -> tuple[float, int]:
    """Articles analysed per second, and their mean length in words.

    Each synthetic article joins several corpus bodies (about 500 words, a
    typical news story) plus a unique word, and the stem cache starts cold.
    """
    bodies = [a["body"] for a in ARTICLES]
    texts = [
        " ".join(bodies[(i + j * 7) % len(bodies)] for j in range(bodies_per_article))
        + f" رقم{i}"
        for i in range(count)
    ]
    stem.cache_clear()
    name_key.cache_clear()
    looks_foreign.cache_clear()
    _marked_keys.cache_clear()
    start = time.perf_counter()
    for text in texts:
        analyser(text)
    elapsed = time.perf_counter() - start
    return count / elapsed, sum(len(t.split()) for t in texts) // count


def main() -> None:
    for name, search in engines().items():
        report = evaluate(search)
        print_report(name, report)
        for query, relevant, got in report["failures"]:
            print(f"    missed: {query!r} relevant={relevant} got={got}")
    everything = ARTICLES + NAME_ARTICLES
    for name, search in {
        "nashra, name set (#18)": InMemoryIndex(everything).search,
        "like, name set (#18)": like_search(everything),
    }.items():
        report = evaluate(search, NAME_QUERIES)
        print_report(name, report)
        for query, relevant, got in report["failures"]:
            print(f"    missed: {query!r} relevant={relevant} got={got}")
    rate, words = throughput()
    print(f"\nanalyse(): {rate:,.0f} articles/s (articles of ~{words} words)")
    rate, words = throughput(analyser=analyse_for_index)
    print(f"analyse_for_index() (terms and name keys, #18): {rate:,.0f} articles/s")


if __name__ == "__main__":
    main()
