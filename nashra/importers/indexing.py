"""Search and reference indexing deferred to the end of an import (#7).

Every page save re-indexes the page (Wagtail's search backend, Nashra's
search entries, Wagtail's reference index). An import saves each page
several times; indexing once per page, in batches, at the end is what
makes 50,000 posts an import of minutes rather than hours.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from wagtail.fields import StreamField
from wagtail.signal_handlers import disable_reference_index_auto_update

from nashra.articles.models import ArticlePage
from nashra.pages.models import StandardPage

BATCH = 500
NASHRA_SEARCH_UID = "nashra-search-save"


def _modelsearch_handler():
    try:
        from modelsearch.signal_handlers import post_save_signal_handler
    except ImportError:
        return None
    return post_save_signal_handler


def _nashra_search():
    try:
        from nashra.search import indexing, signals
    except ImportError:
        return None, None
    return indexing, signals


@contextmanager
def deferred_indexing(touched: set):
    """Run the body with per-save indexing off; then index `touched` page ids."""
    handler = _modelsearch_handler()
    indexing, signals = _nashra_search()
    models = (ArticlePage, StandardPage)
    disconnected = [
        m for m in models if handler and post_save.disconnect(handler, sender=m)
    ]
    nashra_off = bool(signals) and post_save.disconnect(
        sender=ArticlePage, dispatch_uid=NASHRA_SEARCH_UID
    )
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(handler, sender=model)
        if nashra_off:
            post_save.connect(signals.on_article_saved, sender=ArticlePage,
                              dispatch_uid=NASHRA_SEARCH_UID)  # fmt: skip
    index_pages(sorted(touched), indexing)
    if touched:
        purge_page_cache()


class BulkIndexer:
    """Indexing of articles written in bulk, from the pages in memory.

    Nashra's reader search is updated after each batch's commit. Wagtail's
    admin index waits for ADMIN_EVERY articles: each call of its SQLite
    backend recomputes a norm over the whole index table, which at 500
    batches of a 50,000-post import would cost minutes (#7). A killed
    import leaves at most that many articles out of the admin's search
    until `nashra update_index`; readers' search is never behind.
    """

    ADMIN_EVERY = 1000

    def __init__(self):
        self.pending: list[ArticlePage] = []

    def add(self, pages: list[ArticlePage]) -> None:
        indexing, _ = _nashra_search()
        if indexing is not None:
            indexing.index_pages([page.pk for page in pages])
        self.pending.extend(pages)
        if len(self.pending) >= self.ADMIN_EVERY:
            self.flush()

    def flush(self) -> None:
        from wagtail.search.backends import get_search_backends

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


def purge_page_cache() -> None:
    """New pages were added without page_published: cached listings are stale."""
    try:
        from nashra.core.invalidate import purge_site
    except ImportError:
        return
    purge_site()


def index_pages(page_ids: list[int], indexing=None) -> None:
    from wagtail.search.backends import get_search_backends

    for start in range(0, len(page_ids), BATCH):
        chunk = page_ids[start : start + BATCH]
        for model in (ArticlePage, StandardPage):
            objects = list(model.objects.filter(pk__in=chunk))
            if objects:
                for backend in get_search_backends():
                    backend.add_bulk(model, objects)
        if indexing is not None:
            indexing.index_pages(chunk)
