"""«هل تقصد؟» for searches with few or no results (#18).

The vocabulary is the site's own: the headlines and summaries of its newest
articles, as they spell them (nashra.text.spelling). A suggestion is only
offered once the backend in use says it finds more than the reader's query,
so a vocabulary a few minutes old can never suggest an empty search.
"""

import threading
import time

from nashra.articles.models import ArticlePage
from nashra.search.backends import Filters, get_backend
from nashra.text.query import parse_query
from nashra.text.spelling import Vocabulary

# Fewer results than this and the reader may have misspelt a word; with
# this many the query already works and is left alone.
ENOUGH_RESULTS = 3
# Headlines and summaries of this many newest articles. A vocabulary of
# 15,000 distinct words took 1.3 s to build on the shared 2-core machine
# (lookups 0.15 ms), paid by the first search with few results in each
# process every MAX_AGE seconds.
ARTICLES = 3000
# Each process rebuilds at most this often; new words wait that long.
MAX_AGE = 600

_lock = threading.Lock()
_memo: dict = {}


def vocabulary() -> Vocabulary:
    with _lock:
        built = _memo.get("vocabulary")
        if built is None or time.monotonic() - built[0] > MAX_AGE:
            rows = (
                ArticlePage.objects.published()
                .order_by("-published_at")
                .values_list("title", "summary")[:ARTICLES]
            )
            texts = (text for row in rows.iterator() for text in row)
            built = (time.monotonic(), Vocabulary(texts))
            _memo["vocabulary"] = built
        return built[1]


def forget():
    """Drop this process's vocabulary (tests, and a fresh import)."""
    with _lock:
        _memo.clear()


def did_you_mean(query: str, found: int, filters: Filters | None = None):
    """The corrected query when ``query`` found fewer than ENOUGH_RESULTS and
    the correction finds more, else None."""
    if found >= ENOUGH_RESULTS:
        return None
    corrected = vocabulary().correct(query)
    if corrected is None:
        return None
    parsed = parse_query(corrected)
    if parsed.is_empty or parsed == parse_query(query):
        return None
    if get_backend().count(parsed, filters or Filters()) <= found:
        return None
    return corrected
