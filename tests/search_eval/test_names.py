"""Foreign names and brands are found however they are spelt (#18).

The name set (queries_names.py) is scored on the whole evaluation corpus,
on the database backend in use (CI runs the suite on SQLite and on
PostgreSQL) and on the in-memory engine. The ordinary set (queries.py)
must score at least as well with name keys as without them, kind by kind.
"""

import pytest
from django.test import TestCase

from nashra.search.backends import Filters, get_backend
from nashra.text.query import parse_query

from .corpus import ARTICLES
from .corpus_names import ARTICLES as NAME_ARTICLES
from .evaluate import InMemoryIndex, evaluate
from .queries import QUERIES
from .queries_names import NAME_KINDS, NAME_QUERIES
from .test_backends import NOW, database_search, load_corpus

TARGETS = {"recall": 0.97, "mrr": 0.95}
EVERY_KIND = 0.9


def without_names(page_to_corpus):
    """The backend as it searched before #18: no key stands in for a word."""
    backend = get_backend()

    def search(query):
        parsed = parse_query(query)
        parsed.keys, parsed.joins = [], []
        ids = backend.search(parsed, Filters(now=NOW), limit=10)
        return [page_to_corpus[pk] for pk in ids]

    return search


def assert_meets_targets(report):
    failures = report["failures"]
    for metric, target in TARGETS.items():
        assert report["overall"][metric] >= target, (metric, failures)
    for kind in NAME_KINDS:
        for metric in ("recall", "mrr", "precision"):
            assert report[kind][metric] >= EVERY_KIND, (kind, metric, failures)
    assert report["no_result_hits"] == 0, failures


class NameSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        pages = load_corpus()
        cls.ordinary = evaluate(database_search(pages), QUERIES)
        cls.ordinary_before = evaluate(without_names(pages), QUERIES)
        pages |= load_corpus(NAME_ARTICLES, slug="eval-names")
        cls.names = evaluate(database_search(pages), NAME_QUERIES)
        cls.names_before = evaluate(without_names(pages), NAME_QUERIES)

    def test_names_meet_the_targets(self):
        """A reader typing any common spelling finds the article, near the
        top, whatever spelling the writer chose."""
        assert_meets_targets(self.names)

    def test_the_targets_need_name_keys(self):
        """Without keys the same backend misses most spellings: the figures
        above come from the keys, not from an easy set."""
        self.assertLess(self.names_before["overall"]["recall"], 0.7)

    def test_ordinary_search_is_no_worse(self):
        """Name keys must not cost ordinary words recall, rank or precision:
        a short name or a common word must not match half the archive."""
        for kind, before in self.ordinary_before.items():
            if not isinstance(before, dict):
                continue
            for metric in ("recall", "mrr", "precision"):
                self.assertGreaterEqual(
                    self.ordinary[kind][metric],
                    before[metric],
                    (kind, metric, self.ordinary["failures"]),
                )
        self.assertEqual(self.ordinary["no_result_hits"], 0)


@pytest.fixture(scope="module")
def in_memory():
    return evaluate(InMemoryIndex(ARTICLES + NAME_ARTICLES).search, NAME_QUERIES)


def test_names_meet_the_targets_in_memory(in_memory):
    assert_meets_targets(in_memory)


def test_every_name_kind_is_covered():
    """Several queries for each spelling difference, and ids that exist."""
    ids = {article["id"] for article in ARTICLES + NAME_ARTICLES}
    assert len(ids) == len(ARTICLES) + len(NAME_ARTICLES)
    for kind in NAME_KINDS:
        assert sum(q["kind"] == kind for q in NAME_QUERIES) >= 5, kind
    assert all(q["relevant"] <= ids for q in NAME_QUERIES)
