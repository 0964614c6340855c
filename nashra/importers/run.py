"""One import of one WordPress export: the passes, in order (#7).

1. Terms and attachments: authors, categories (→ sections), tags and media,
   so every post finds its section, tags and images whatever the file order.
2. Posts and pages, each with its comments and old URLs, one transaction each.
3. Links between posts, rewritten once every post exists.

The file is read twice to keep memory flat: nothing but small id maps is
held between records.
"""

from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from wagtail.models import Site

from nashra.core.statistics import GrowingTables, refresh_planner_statistics
from nashra.search.bulk import BulkIndexer

from . import comments as comment_import
from .bulk import BATCH_SIZE, import_posts
from .convert import Conversion, convert_content
from .fetching import parse_allowed
from .images import ImageResolver
from .indexing import deferred_indexing
from .ledger import Ledger, source_key
from .linkpass import rewrite_pending
from .media import import_attachment
from .posts import import_item
from .progress import Progress
from .readahead import read_ahead
from .report import Report
from .terms import import_author, import_categories, import_tag
from .wxr import (
    Author,
    Category,
    Channel,
    Item,
    ItemRef,
    OversizedItem,
    Tag,
    Term,
    check_export,
    read_export,
)
from .wxr.reader import ITEM_FACTOR

BUCKETS = {"post": "posts", "page": "pages", "attachment": "attachments"}


class _DryRunRollback(Exception):
    pass


@contextmanager
def commits_not_waited_for():
    """On PostgreSQL, this session's commits return before their WAL is
    flushed to disk (synchronous_commit off, #21): a batch commits in
    microseconds instead of a disk flush.

    Safe for an import: the database stays consistent; a server crash may
    lose the last commits (a fraction of a second), each a whole batch with
    its ledger rows, so the next run imports those posts again, as after a
    kill (test_kill.py). Other sessions, readers' comments among them, keep
    the server's setting.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
        except DatabaseError:
            pass  # the connection is gone, and the setting with it


class ImportRun:
    def __init__(self, export, *, uploads=None, fetch_media=False,
                 allow_internal_hosts=(), authors_as_users=False, dry_run=False,
                 stderr=None, batch_size=BATCH_SIZE, meta_from_site=False,
                 max_post_bytes=None):  # fmt: skip
        self.export = export
        # Planner statistics kept up as the tables grow (core/statistics.py).
        self.statistics = GrowingTables()
        # A post bigger than this is refused, read in bounded memory (#17).
        self.max_post_bytes = max_post_bytes or settings.IMPORT_MAX_POST_BYTES
        # Read through the REST API, which shows no theme meta (jannah.py).
        self.meta_from_site = meta_from_site
        self.batch_size = max(batch_size, 1)
        self.uploads = Path(uploads) if uploads else None
        self.fetch_media = fetch_media
        # Hosts the operator named: fetched even on an internal address (#17).
        self.allowed_hosts = parse_allowed(allow_internal_hosts)
        self.authors_as_users = authors_as_users
        self.dry_run = dry_run
        self.stderr = stderr
        self.report = Report()
        self.channel: Channel | None = None
        self.categories: dict[str, Category] = {}
        self.sections: dict[str, int] = {}
        self.authors: dict[str, int] = {}
        self.tags: dict[str, int] = {}
        self.tag_objects: dict[int, object] = {}
        # Section page id → path of the last article given out there (bulk).
        self.last_child: dict[int, str] = {}
        self.images = ImageResolver(self)
        self.comment_model = None
        self.home = None
        # Pages created or changed, indexed for search once at the end.
        self.touched: set[int] = set()
        self.indexer = BulkIndexer()
        self.page_ids: set[int] = set()
        self.pages_done: set[int] = set()
        # Conversions read ahead, by id() of items held until they are used.
        self.converted: dict[int, Conversion] = {}

    @property
    def site_url(self) -> str:
        channel = self.channel
        return channel.base_blog_url or channel.base_site_url or channel.link

    @property
    def site_host(self) -> str:
        return (urlsplit(self.site_url).hostname or "").removeprefix("www.")

    def execute(self) -> Report:
        """Run every pass; WXRError propagates when the file is unreadable."""
        self._validate()
        if not self.dry_run:
            with commits_not_waited_for():
                self._passes()
                # Readers arrive straight after a move: no planner guesses (#8).
                refresh_planner_statistics()
            return self.report
        try:
            with transaction.atomic():
                self._passes()
                raise _DryRunRollback
        except _DryRunRollback:
            pass
        return self.report

    def _validate(self) -> None:
        """Read the whole file once, writing nothing, so a refused one (bad
        UTF-8, cut short, an entity bomb) leaves the database as it was: it
        was refused after sections, tags and redirects were committed (#17).

        Why not one transaction around the import instead: it would hold
        SQLite's write lock for the whole run (readers' comments would time
        out), grow the journal with the export, and could not take back the
        media files already stored. The reader streams, so this extra read
        costs time (one more parse) and no memory. A file changed between
        this read and the import's is the operator's doing, not the file's.
        It is a bare expat parse (wxr/check.py), a tenth of a reading pass.
        """
        check_export(self.export)

    def _passes(self) -> None:
        self.home = Site.objects.get(is_default_site=True).root_page.specific
        self.comment_model = comment_import.comments_model()
        with deferred_indexing(self.touched):
            total = self._first_pass()
            self._second_pass(total)
            # Before the link pass: pages it rewrites are indexed again after.
            self.indexer.flush()
            rewrite_pending(self)

    def _first_pass(self) -> int:
        """Terms and attachments; returns the number of posts and pages."""
        progress = Progress(self.stderr, "media and terms") if self.stderr else None
        posts = 0
        categories_done = False
        for record, _ in read_ahead(self.export, brief=True,
                                    max_post_bytes=self.max_post_bytes):  # fmt: skip
            if isinstance(record, Channel):
                self._channel(record)
            elif isinstance(record, Author):
                import_author(self, record)
            elif isinstance(record, Category):
                if record.nicename in self.categories:
                    self.report.problem(f"category {record.term_id}", "category",
                                        f"second category named {record.nicename}")  # fmt: skip
                    self.report.count("categories", "skipped")
                else:
                    self.categories[record.nicename] = record
            else:
                if not categories_done:
                    import_categories(self, self.categories)
                    categories_done = True
                if isinstance(record, Tag):
                    import_tag(self, record)
                elif isinstance(record, Term):
                    self.report.count("other", "skipped")
                elif isinstance(record, OversizedItem):
                    posts += record.post_type in ("post", "page")
                    if record.post_type == "attachment":
                        self._refuse(record, "attachments")
                elif isinstance(record, Item | ItemRef):
                    if record.post_type == "attachment":
                        import_attachment(self, record)
                        self.skip_comments(record, "attachments take no comments")
                        if progress:
                            progress.advance()
                    elif record.post_type in ("post", "page"):
                        posts += 1
                        if record.post_type == "page" and record.wp_id is not None:
                            self.page_ids.add(record.wp_id)
        if not categories_done:
            import_categories(self, self.categories)
        if progress:
            progress.finish()
        return posts

    def _channel(self, channel: Channel) -> None:
        self.channel = channel
        self.ledger = Ledger(source_key(channel))
        self.ledger.preload("attachment")
        for problem in channel.problems:
            self.report.problem("channel", problem.kind, problem.reason)

    def _second_pass(self, total: int) -> None:
        progress = (
            Progress(self.stderr, "posts and pages", total) if self.stderr else None
        )
        self.images.freeze()
        waiting = self._items_pass(progress, None)
        # Child pages before their parents in the file wait for them (#7).
        while waiting:
            before = len(waiting)
            waiting = self._items_pass(progress, waiting)
            if len(waiting) == before:
                self._items_pass(progress, waiting, force=True)
                break
        if progress:
            progress.finish()

    def _items_pass(self, progress, only: set | None, force=False) -> set:
        waiting = set()
        batch = []

        def flush():
            import_posts(self, batch)
            self.converted.clear()
            self.statistics.wrote(len(batch))
            if progress:
                progress.advance(len(batch))
            batch.clear()

        for record, conversion in self._records(only):
            if only is None and isinstance(record, OversizedItem):
                self._refuse(record, BUCKETS.get(record.post_type, "other"))
                continue
            if only is None and isinstance(record, Item):
                self.report.meta.add(record.postmeta)  # every key, counted once (#21)
            if not isinstance(record, Item) or record.post_type == "attachment":
                continue
            if only is not None and (record.post_type, record.wp_id) not in only:
                continue
            bucket = BUCKETS.get(record.post_type)
            if bucket is None:
                self.report.count("other", "skipped")
                self.skip_comments(record, f"{record.post_type[:30]} items take none")
                continue
            if conversion is not None:
                self.converted[id(record)] = conversion
            if bucket == "posts":
                batch.append(record)
                if len(batch) >= self.batch_size:
                    flush()
                continue
            if bucket == "pages" and not force and self._parent_pending(record):
                waiting.add((record.post_type, record.wp_id))
                continue
            import_item(self, record, bucket)
            self.converted.pop(id(record), None)
            if bucket == "pages":
                self.pages_done.add(record.wp_id)
            if progress:
                progress.advance()
        flush()
        return waiting

    def _records(self, only):
        """(record, conversion) pairs: the first items pass reads ahead in a
        second process, converting as it reads (readahead.py); a pass for
        pages still waiting for their parents reads here."""
        if only is None:
            return read_ahead(self.export, max_post_bytes=self.max_post_bytes,
                              site_url=self.site_url)  # fmt: skip
        return ((record, None) for record in self.read())

    def conversion_of(self, item) -> Conversion:
        """The item's content as blocks: converted ahead, or now. Taken once:
        a post imported again after its batch failed is converted afresh."""
        found = self.converted.pop(id(item), None)
        if found is not None:
            return found
        return convert_content(item.content, site_url=self.site_url)

    def read(self, brief=False):
        return read_export(self.export, brief=brief, max_post_bytes=self.max_post_bytes)

    def _refuse(self, record: OversizedItem, bucket: str) -> None:
        self.report.count(bucket, "skipped")
        self.report.problem(
            record.wp_id, "size",
            f"not imported: {record.post_type[:30]} «{record.title[:80]}» has more"
            f" than {self.max_post_bytes:,} bytes of text in one field or"
            f" {self.max_post_bytes * ITEM_FACTOR:,} in all, with its comments"
            " (NASHRA_IMPORT_MAX_POST_BYTES)",
        )  # fmt: skip

    def _parent_pending(self, item) -> bool:
        parent = item.parent_id
        return parent in self.page_ids and parent not in self.pages_done

    def skip_comments(self, item, reason: str) -> None:
        comment_import.skip_all(self, item, reason)

    def import_comments(self, item, page) -> None:
        comment_import.import_comments(self, item, page)
