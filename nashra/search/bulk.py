"""Indexing for bulk loads: paused while rows are written, then in batches (#13).

Every page save re-indexes the page three times over: Wagtail's admin index
(modelsearch's post_save handler), readers' SearchEntry (signals.py) and
Wagtail's reference index. An import saves each page several times, and a
bulk write saves none; indexing once per page, in batches, at the end is
what makes 50,000 posts an import of minutes rather than hours (#7). The
importer and `nashra generate` use these; no other app touches search's
signal wiring.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from nashra.articles.models import ArticlePage

from . import indexing, signals

BATCH = 500


@contextmanager
def paused():
    """Run the body with per-save indexing off; the caller indexes after it
    (index_pages(), or BulkIndexer for pages written in bulk)."""
    disconnected = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with signals.saves_not_indexed(), disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_pages(page_ids: list[int]) -> None:
    """Index saved pages in the admin's index and articles in readers' too."""
    for start in range(0, len(page_ids), BATCH):
        chunk = page_ids[start : start + BATCH]
        by_model: dict[type, list] = {}
        for page in Page.objects.filter(pk__in=chunk).specific():
            by_model.setdefault(type(page), []).append(page)
        for model, objects in by_model.items():
            for backend in get_search_backends():
                backend.add_bulk(model, objects)
        indexing.index_pages(chunk)


class BulkIndexer:
    """Indexing of articles written in bulk, from the pages in memory.

    Readers' search is updated at each add(), after the batch's commit.
    Wagtail's admin index waits for ADMIN_EVERY articles: each call of its
    SQLite backend recomputes a norm over the whole index table, which at
    500 batches of a 50,000-post import would cost minutes (#7). A killed
    import leaves at most that many articles out of the admin's search
    until `nashra update_index`; readers' search is never behind.
    """

    ADMIN_EVERY = 1000

    def __init__(self):
        self.pending: list[ArticlePage] = []

    def add(self, pages: list[ArticlePage]) -> None:
        indexing.index_pages([page.pk for page in pages])
        self.pending.extend(pages)
        if len(self.pending) >= self.ADMIN_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            with _stream_text_once():
                for backend in get_search_backends():
                    backend.add_bulk(ArticlePage, self.pending)
        self.pending = []


@contextmanager
def _stream_text_once():
    """StreamField text extracted once per page while the admin index is fed.

    The database backends' ObjectIndexer reads every search field once for
    the title, once for the body and once for the autocomplete column, so
    each body's rich text was parsed three times: a sixth of a bulk import's
    CPU (#7). The text is the same each time; the first result is kept for
    the duration of the call (the value is held so its id stays unique).
    The only patch of Wagtail in Nashra; search/tests/test_bulk.py
    fails if the indexer stops reading text through this method.
    """
    original = StreamField.get_searchable_content
    seen: dict[tuple[int, int], tuple] = {}

    def once(field, value):
        key = (id(field), id(value))
        if key not in seen:
            seen[key] = (value, original(field, value))
        return seen[key][1]

    StreamField.get_searchable_content = once
    try:
        yield
    finally:
        StreamField.get_searchable_content = original
