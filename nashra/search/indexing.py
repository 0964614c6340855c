"""Keep SearchEntry in step with the live, public articles (#5).

Everything reads the article back from the database: the row holds the
published version, whereas an instance in memory may carry an unsaved draft.
"""

from collections.abc import Callable, Iterable

from django.db import transaction

from nashra.articles.models import ArticlePage
from nashra.search.models import SearchEntry
from nashra.text.analysis import analyse

BATCH_SIZE = 500
Progress = Callable[[int], None]


def searchable_text(page: ArticlePage) -> str:
    """What a reader can search in besides the headline: summary and body."""
    return "\n".join(part for part in (page.summary, page.body_text()) if part)


def entry_for(page: ArticlePage) -> SearchEntry:
    return SearchEntry(
        page_id=page.pk,
        section_id=page.section_id,
        published_at=page.published_at,
        title_terms=" ".join(analyse(page.title)),
        body_terms=" ".join(analyse(searchable_text(page))),
    )


def index_pages(page_ids: Iterable[int]) -> int:
    """Index the given articles that readers may see, drop the others.

    Returns how many were indexed. Drafts, unpublished, private and
    undated articles are removed from the index rather than skipped, so a
    page that just became private disappears at once.
    """
    wanted = set(page_ids)
    if not wanted:
        return 0
    pages = list(ArticlePage.objects.published().filter(pk__in=wanted))
    entries = [entry_for(page) for page in pages]
    with transaction.atomic():
        gone = wanted - {page.pk for page in pages}
        if gone:
            SearchEntry.objects.filter(pk__in=gone).delete()
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["section", "published_at", "title_terms", "body_terms"],
        )
    return len(entries)


def remove_pages(page_ids: Iterable[int]) -> None:
    SearchEntry.objects.filter(pk__in=list(page_ids)).delete()


def article_ids_under(path: str) -> list[int]:
    """The articles at or below a tree path (a moved or restricted section)."""
    return list(
        ArticlePage.objects.filter(path__startswith=path).values_list("pk", flat=True)
    )


def index_in_batches(page_ids: list[int], progress: Progress | None = None) -> int:
    indexed = 0
    for start in range(0, len(page_ids), BATCH_SIZE):
        indexed += index_pages(page_ids[start : start + BATCH_SIZE])
        if progress:
            progress(min(start + BATCH_SIZE, len(page_ids)))
    return indexed


def rebuild(progress: Progress | None = None) -> tuple[int, int]:
    """Index every article from scratch; returns (articles seen, indexed)."""
    page_ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    SearchEntry.objects.exclude(pk__in=page_ids).delete()
    return len(page_ids), index_in_batches(page_ids, progress)
