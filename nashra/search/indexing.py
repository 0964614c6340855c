"""Keep SearchEntry in step with the live, public articles (#5).

Everything reads the article back from the database: the row holds the
published version, whereas an instance in memory may carry an unsaved draft.
"""

import json
import multiprocessing
import os
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from nashra.articles.models import ArticlePage
from nashra.search.models import SearchEntry
from nashra.text.analysis import analyse_for_index
from nashra.text.reading import plain_text

# One transaction per batch: 1,000 rows wrote 1.5 times faster than 200
# (fewer commits and WAL checkpoints, less per-statement work), and reading
# one batch still overlaps analysing the one before (#5).
BATCH_SIZE = 1000
Progress = Callable[[int], None]
# What indexing reads of an article: no page instance, and the body as its
# stored JSON, parsed and reduced to text by analyse_row() (#5).
FIELDS = ("pk", "section_id", "published_at", "title", "summary", "body_json")


def searchable_text(page: ArticlePage) -> str:
    """What a reader can search in besides the headline: summary and body.

    The search page cuts its snippets from this: read from the stored
    blocks, not rendered (see stream_text()), for each of its ten results.
    """
    body = stream_text(page.body.raw_data)
    return "\n".join(part for part in (page.summary, body) if part)


def stream_text(blocks: list[dict]) -> str:
    """ArticlePage.body_text() from the body's stored JSON.

    Rendering each paragraph as rich text (a template per block, link and
    embed expansion) cost as much as analysing it; the words are those of
    the stored HTML either way. A test holds the two equal.
    """
    parts = []
    for block in blocks:
        kind, value = block.get("type"), block.get("value")
        if kind in {"paragraph", "html"}:
            parts.append(plain_text(value or ""))
        elif kind in {"heading", "pull_quote", "quote"}:
            # Older block versions stored a bare string, and a hand-fixed
            # row may lack "text": one such block stopped a whole reindex (#13).
            text = value.get("text") if isinstance(value, dict) else value
            if isinstance(text, str):
                parts.append(text)
    return "\n".join(parts)


def analyse_row(row: tuple) -> tuple[list[str], list[str], list[str]]:
    """A FIELDS row → headline terms, text terms and name keys (#18); pure,
    so a worker can run it."""
    _, _, _, title, summary, body_json = row
    body = stream_text(json.loads(body_json) if body_json else [])
    text = "\n".join(part for part in (summary, body) if part)
    title_terms, title_keys = analyse_for_index(title)
    body_terms, body_keys = analyse_for_index(text)
    return title_terms, body_terms, title_keys + body_keys


def index_pages(page_ids: Iterable[int]) -> int:
    """Index the given articles that readers may see, drop the others.

    Returns how many were indexed. Drafts, unpublished, private and
    undated articles are removed from the index rather than skipped, so a
    page that just became private disappears at once.
    """
    wanted, rows = _load(page_ids)
    if not wanted:
        return 0
    return _save(wanted, rows, [analyse_row(row) for row in rows])


def _load(page_ids):
    wanted = set(page_ids)
    if not wanted:
        return wanted, []
    rows = (
        ArticlePage.objects.published()
        .filter(pk__in=wanted)
        .annotate(body_json=Cast("body", TextField()))
        .values_list(*FIELDS)
    )
    return wanted, list(rows)


def _save(wanted, rows, analysed) -> int:
    entries = [
        SearchEntry(
            page_id=pk,
            section_id=section_id,
            published_at=published_at,
            title_terms=" ".join(title_terms),
            body_terms=" ".join(body_terms),
            name_terms=" ".join(name_terms),
        )
        for (pk, section_id, published_at, *_), (
            title_terms,
            body_terms,
            name_terms,
        ) in zip(rows, analysed, strict=True)
    ]
    with transaction.atomic():
        gone = wanted - {row[0] for row in rows}
        if gone:
            SearchEntry.objects.filter(pk__in=gone).delete()
        # An unchanged row is not written again: each write re-tokenises the
        # text into FTS5 or recomputes three tsvectors and their GIN entries,
        # the dearest part of indexing, whereas the comparison reads one row.
        stored = set(
            SearchEntry.objects.filter(
                pk__in=[entry.page_id for entry in entries]
            ).values_list(*_STORED)
        )
        changed = [entry for entry in entries if _stored(entry) not in stored]
        # Replaced rather than upserted: on PostgreSQL an upsert runs the
        # tsvector trigger on the row it proposes and again on the update,
        # and the trigger is most of a write's cost (552 → 1,000+/s).
        existing = {values[0] for values in stored}
        replaced = [entry.page_id for entry in changed if entry.page_id in existing]
        if replaced:
            SearchEntry.objects.filter(pk__in=replaced).delete()
        SearchEntry.objects.bulk_create(
            changed,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[
                "section",
                "published_at",
                "title_terms",
                "body_terms",
                "name_terms",
            ],
        )
    return len(entries)


_STORED = (
    "page_id",
    "section_id",
    "published_at",
    "title_terms",
    "body_terms",
    "name_terms",
)


def _stored(entry: SearchEntry) -> tuple:
    return tuple(getattr(entry, name) for name in _STORED)


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
                wanted, rows = _load(batch)
                started = (wanted, rows, pool.map_async(analyse_row, rows, 25))
            if pending:
                wanted_before, rows_before, analysed = pending
                indexed += _save(wanted_before, rows_before, analysed.get())
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
