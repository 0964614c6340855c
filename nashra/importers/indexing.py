"""Search and reference indexing deferred to the end of an import (#7).

An import saves each page several times, and each save would index it
again; nashra.search.bulk pauses that and indexes once per page at the end.

A run killed before that end leaves pages in no index; the next run finds
every imported page missing from readers' search or the admin's and
indexes it with its own (#17): an unchanged post is skipped by the import,
so nothing else would.
"""

from contextlib import contextmanager

from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from nashra.articles.models import ArticlePage
from nashra.core.invalidate import purge_site
from nashra.search import bulk as search
from nashra.search.models import SearchEntry

from .models import ImportedObject

PAGE_KINDS = ("post", "page")


@contextmanager
def deferred_indexing(touched: set):
    """Run the body with per-save indexing off; then index `touched` page ids
    and whatever an earlier, interrupted run left unindexed."""
    touched |= unindexed_imports()
    with search.paused():
        yield
    search.index_pages(sorted(touched))
    if touched:
        purge_page_cache()


def unindexed_imports() -> set[int]:
    """Imported pages missing from the admin's index, and published imported
    articles missing from readers' (drafts are never in readers')."""
    imported = ImportedObject.objects.filter(
        kind__in=PAGE_KINDS, object_id__isnull=False
    ).values("object_id")
    admin = (
        Page.objects.filter(pk__in=imported)
        .annotate(key=Cast("pk", CharField()))
        .exclude(key__in=IndexEntry.objects.values("object_id"))
        .values_list("pk", flat=True)
    )
    readers = (
        ArticlePage.objects.published()
        .filter(pk__in=imported)
        .exclude(pk__in=SearchEntry.objects.values("page_id"))
        .values_list("pk", flat=True)
    )
    return {*admin, *readers}


def purge_page_cache() -> None:
    """New pages were added without page_published: cached listings are stale."""
    purge_site()
