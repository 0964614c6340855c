"""The in-memory engine meets the #5 targets on the evaluation set."""

import pytest

from .corpus import ARTICLES
from .evaluate import InMemoryIndex, evaluate, like_search
from .queries import KINDS, QUERIES


@pytest.fixture(scope="module")
def report():
    return evaluate(InMemoryIndex(ARTICLES).search)


def test_recall_and_mrr_targets(report):
    """Readers must find the article they mean, near the top (#5)."""
    assert report["overall"]["recall"] >= 0.95
    assert report["overall"]["mrr"] >= 0.85


def test_no_result_queries_find_nothing(report):
    """Gibberish, syntax or punctuation must not list random articles."""
    assert report["no_result_hits"] == 0


def test_every_kind_is_covered():
    """The set keeps several queries for every spelling problem."""
    for kind in KINDS:
        assert sum(q["kind"] == kind for q in QUERIES) >= 5, kind
    assert len(QUERIES) >= 80
    assert len(ARTICLES) >= 60


def test_corpus_is_well_formed():
    """Ids are unique and every relevant id is a real article."""
    ids = [article["id"] for article in ARTICLES]
    assert len(ids) == len(set(ids))
    assert all(q["relevant"] <= set(ids) for q in QUERIES)
    for article in ARTICLES:
        assert 70 <= len(article["body"].split()) <= 200, article["id"]


def test_ours_beats_the_like_baseline(report):
    """The whole point of #5: better than WordPress's LIKE search."""
    baseline = evaluate(like_search(ARTICLES))
    assert report["overall"]["recall"] > baseline["overall"]["recall"] + 0.3
