"""Keep SearchEntry in step with the live, public articles (#5).

Everything reads the article back from the database: the row holds the
published version, whereas an instance in memory may carry an unsaved draft.
"""

import multiprocessing
import os
from collections.abc import Callable, Iterable

from django.db import transaction

from nashra.articles.models import ArticlePage
from nashra.search.models import SearchEntry
from nashra.text.analysis import analyse

# Small enough that reading one batch overlaps analysing the one before.
BATCH_SIZE = 200
Progress = Callable[[int], None]


def searchable_text(page: ArticlePage) -> str:
    """What a reader can search in besides the headline: summary and body."""
    return "\n".join(part for part in (page.summary, page.body_text()) if part)


def entry_for(page: ArticlePage, terms: tuple[list[str], list[str]] | None = None):
    """The index row of ``page``; ``terms`` are its analysed texts if known."""
    title_terms, body_terms = terms or analyse_texts(
        (page.title, searchable_text(page))
    )
    return SearchEntry(
        page_id=page.pk,
        section_id=page.section_id,
        published_at=page.published_at,
        title_terms=" ".join(title_terms),
        body_terms=" ".join(body_terms),
    )


def analyse_texts(texts: tuple[str, str]) -> tuple[list[str], list[str]]:
    """Headline and text → their terms; pure, so a worker process can run it."""
    title, text = texts
    return analyse(title), analyse(text)


def index_pages(page_ids: Iterable[int]) -> int:
    """Index the given articles that readers may see, drop the others.

    Returns how many were indexed. Drafts, unpublished, private and
    undated articles are removed from the index rather than skipped, so a
    page that just became private disappears at once.
    """
    wanted, pages = _load(page_ids)
    if not wanted:
        return 0
    return _save(wanted, pages, None)


def _load(page_ids):
    wanted = set(page_ids)
    if not wanted:
        return wanted, []
    return wanted, list(ArticlePage.objects.published().filter(pk__in=wanted))


def _save(wanted, pages, analysed) -> int:
    if analysed is None:
        entries = [entry_for(page) for page in pages]
    else:
        entries = [
            entry_for(p, terms) for p, terms in zip(pages, analysed, strict=True)
        ]
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


def index_in_batches(
    page_ids: list[int], progress: Progress | None = None, *, parallel: bool = False
) -> int:
    """Index ``page_ids`` in batches; ``parallel`` analyses in worker processes.

    Only the reindex command asks for workers: forking inside a web
    worker's request (a moved section re-indexes here too) is not safe.
    """
    batches = [
        page_ids[start : start + BATCH_SIZE]
        for start in range(0, len(page_ids), BATCH_SIZE)
    ]
    if parallel and len(batches) > 1 and (os.cpu_count() or 1) > 1:
        return _index_in_parallel(batches, progress)
    indexed = done = 0
    for batch in batches:
        indexed += index_pages(batch)
        done += len(batch)
        if progress:
            progress(done)
    return indexed


def _index_in_parallel(batches: list[list[int]], progress: Progress | None) -> int:
    """Analyse in worker processes while this one reads and writes (#5).

    Analysis is pure Python and took a third of the time; the database work
    stays in this process (the workers never touch its connection). Each
    batch is analysed while the previous one is being saved.
    """
    indexed = done = 0
    pending = None
    # fork: workers start at once and share the loaded analysis tables.
    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        for batch in [*batches, None]:
            started = None
            if batch is not None:
                wanted, pages = _load(batch)
                texts = [(page.title, searchable_text(page)) for page in pages]
                started = (wanted, pages, pool.map_async(analyse_texts, texts, 25))
            if pending:
                wanted_before, pages_before, analysed = pending
                indexed += _save(wanted_before, pages_before, analysed.get())
                done += len(wanted_before)
                if progress:
                    progress(done)
            pending = started
    return indexed


def rebuild(progress: Progress | None = None) -> tuple[int, int]:
    """Index every article from scratch; returns (articles seen, indexed)."""
    page_ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    SearchEntry.objects.exclude(pk__in=page_ids).delete()
    return len(page_ids), index_in_batches(page_ids, progress, parallel=True)
