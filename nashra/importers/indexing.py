"""Search and reference indexing deferred to the end of an import (#7).

An import saves each page several times, and each save would index it
again; nashra.search.bulk pauses that and indexes once per page at the end.
"""

from contextlib import contextmanager

from nashra.core.invalidate import purge_site
from nashra.search import bulk as search


@contextmanager
def deferred_indexing(touched: set):
    """Run the body with per-save indexing off; then index `touched` page ids."""
    with search.paused():
        yield
    search.index_pages(sorted(touched))
    if touched:
        purge_page_cache()


def purge_page_cache() -> None:
    """New pages were added without page_published: cached listings are stale."""
    purge_site()
