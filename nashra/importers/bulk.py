"""New posts imported a batch at a time (#7).

Wagtail's page save, revision and publish cost some forty queries per
article; a 50,000-post export cannot pay that. A batch of new posts is
written with a handful of bulk queries instead, in one transaction, through
the apps' own bulk write paths (#13):

- the articles, their tree paths, bylines, tags and first revisions by
  nashra.articles.bulk (bulk_posts.py plans them from the export);
- their comments and threads by nashra.comments.bulk (bulk_comments.py);
- the import's own ledger rows and redirects here;
- readers' search index, comment counts and page-cache invalidation once
  per batch, after the commit; Wagtail's admin index every thousand
  articles (nashra.search.bulk.BulkIndexer).

If anything in a batch fails, its transaction is rolled back whole and its
posts are imported again one by one (posts.import_item), so a bad post never
takes good ones with it and a killed import never leaves half a post.
Posts the batch cannot take (already imported, skipped statuses, comments
already known) go one by one after the batch's commit.
"""

from collections import Counter

from django.db import transaction

from nashra.comments import counts as comment_counts

from . import bulk_comments, bulk_posts
from .indexing import purge_page_cache
from .models import ImportedObject
from .permalinks import old_paths_for_item
from .posts import DRAFT, LIVE, import_item, set_password
from .redirects import add_redirects_many
from .report import KINDS, OUTCOMES, Report

BATCH_SIZE = 100


class _Staged:
    """The batch's counts and problems, handed to the run's report on commit."""

    def __init__(self):
        self.counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
        self.entries: list[tuple] = []

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(outcome)
        self.counts[kind][outcome] += n

    def problem(self, item, kind: str, reason: str) -> None:
        self.entries.append((item, kind, reason))

    def merge_into(self, report: Report) -> None:
        for kind, counter in self.counts.items():
            for outcome, n in counter.items():
                report.count(kind, outcome, n)
        for entry in self.entries:
            report.problem(*entry)


def import_posts(run, items: list) -> None:
    """Import a batch of posts; see the module docstring for the guarantees."""
    if not items:
        return
    new, others = _partition(run, items)
    if new:
        _bulk_or_one_by_one(run, new)
    for item in others:
        import_item(run, item, "posts")


def _partition(run, items):
    """Posts the bulk path can create, and the ones it leaves to import_item."""
    keys = [str(i.wp_id) for i in items if i.wp_id is not None]
    known = set(
        ImportedObject.objects.filter(
            source=run.ledger.source, kind="post", wp_key__in=keys
        ).values_list("wp_key", flat=True)
    )
    comment_keys = [
        str(c.wp_id) for i in items for c in i.comments if c.wp_id is not None
    ]
    known_comments = set()
    for start in range(0, len(comment_keys), 500):
        known_comments.update(
            ImportedObject.objects.filter(
                source=run.ledger.source, kind="comment",
                wp_key__in=comment_keys[start : start + 500],
            ).values_list("wp_key", flat=True)
        )  # fmt: skip
    new, others, seen = [], [], set()
    for item in items:
        key = str(item.wp_id)
        simple = (
            item.wp_id is not None
            and item.status in LIVE | DRAFT
            and key not in known
            and key not in seen
            and not any(str(c.wp_id) in known_comments for c in item.comments)
        )
        seen.add(key)
        (new if simple else others).append(item)
    return new, others


def _bulk_or_one_by_one(run, items) -> None:
    report, sections, tags = run.report, dict(run.sections), dict(run.tags)
    last_child = dict(run.last_child)
    staged = _Staged()
    run.report = staged
    try:
        with transaction.atomic():
            pages, counts = _create_all(run, items)
    except Exception:  # noqa: BLE001  (any failure: retry each post on its own)
        run.report, run.sections, run.tags = report, sections, tags
        run.last_child = last_child
        for item in items:
            import_item(run, item, "posts")
        return
    finally:
        run.report = report
    staged.merge_into(report)
    run.indexer.add(pages)
    # Counts are cached once committed: a dry run (one outer transaction,
    # rolled back) must leave no count behind for ids given out again. The
    # page cache is bumped now and again after the commit (pagecache.bump).
    transaction.on_commit(lambda: comment_counts.set_many(counts))
    purge_page_cache()


def _create_all(run, items):
    planned = [bulk_posts.plan(run, item) for item in items]
    bulk_posts.create(run, planned)
    bulk_posts.record(run, planned)
    add_redirects_many(
        run,
        [
            (p.item.wp_id, old_paths_for_item(p.item, run.channel, run.categories),
             p.page)
            for p in planned
        ],
    )  # fmt: skip
    counts = bulk_comments.import_batch(run, planned)
    for p in planned:
        if p.item.password:
            set_password(p.page, p.item.password)
        run.report.count("posts", "created")
    return [p.page for p in planned], counts
