"""New posts imported a batch at a time (#7).

Wagtail's page save, revision and publish cost some forty queries per
article; a 50,000-post export cannot pay that. A batch of new posts is
written with a handful of bulk queries instead, in one transaction:

- tree paths are allocated here, after the parent's last child, as
  treebeard's add_child() would (parent row locked, numchild updated once);
- the page rows, their article rows, bylines, tags, first revisions,
  comments, ledger rows and redirects are bulk-inserted;
- readers' search index, comment counts and page-cache invalidation are
  updated once per batch, after the commit; Wagtail's admin index every
  thousand articles (indexing.BulkIndexer).

If anything in a batch fails, its transaction is rolled back whole and its
posts are imported again one by one (posts.import_item), so a bad post never
takes good ones with it and a killed import never leaves half a post.
Posts the batch cannot take (already imported, skipped statuses, comments
already known) go one by one after the batch's commit.
"""

import dataclasses
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Revision

from nashra.articles.models import ArticlePage, ArticlePageAuthor, ArticleTag

from . import comments as comment_import
from .convert import convert_content
from .indexing import purge_page_cache
from .ledger import checksum
from .linkpass import resolve_links
from .models import ImportedObject
from .pagetree import MAX_SLUG
from .permalinks import old_paths_for_item
from .posts import DRAFT, LIVE, _featured, _fill, _password, _wanted_slug, import_item
from .redirects import add_redirects_many
from .report import KINDS, OUTCOMES, Report
from .rows import insert_rows
from .terms import uncategorised_section

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


@dataclasses.dataclass
class _New:
    item: object
    page: ArticlePage
    parent_id: int
    digest: str
    links_waiting: bool
    wanted_slug: str


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
    transaction.on_commit(lambda: _cache_counts(counts))
    purge_page_cache()


def _create_all(run, items) -> tuple[list[ArticlePage], dict[int, int]]:
    planned = [_plan(run, item) for item in items]
    _place(run, planned)
    _insert_pages(planned)
    _insert_revisions(planned)
    _record(run, planned)
    add_redirects_many(
        run,
        [
            (p.item.wp_id, old_paths_for_item(p.item, run.channel, run.categories),
             p.page)
            for p in planned
        ],
    )  # fmt: skip
    counts = _comments(run, planned)
    for p in planned:
        if p.item.password:
            _password(p.page, p.item.password)
        run.report.count("posts", "created")
    return [p.page for p in planned], counts


def _section_id(run, item) -> int:
    for nicename in item.terms("category"):
        if nicename in run.sections:
            return run.sections[nicename]
    return uncategorised_section(run)


def _plan(run, item) -> _New:
    """The article in memory, as posts._import would fill it."""
    parent_id = _section_id(run, item)
    featured = _featured(run, item)
    digest = checksum(dataclasses.replace(item, comments=()), parent_id, featured)
    conversion = convert_content(item.content, site_url=run.site_url)
    for problem in (*item.problems, *conversion.problems):
        run.report.problem(item.wp_id, problem.kind, problem.reason)
    body = run.images.blocks(conversion.blocks, item, run.report)
    body, links_waiting = resolve_links(body, run.site_url)
    page = ArticlePage()
    # A new page has no admin comments: said in memory, serializable_data()
    # for its revision would otherwise query for them, one query per post.
    page.wagtail_admin_comments = []
    _fill(run, page, item, body, featured, "post")
    if item.status == "private":
        run.report.problem(item.wp_id, "status", "private post kept as a draft")
    return _New(item, page, parent_id, digest, links_waiting, _wanted_slug(item, page))


def _place(run, planned) -> None:
    """Free slugs, tree paths and the fields Page.save() and add_child() set."""
    by_parent: dict[int, list[_New]] = {}
    for p in planned:
        by_parent.setdefault(p.parent_id, []).append(p)
    now = timezone.now()
    for parent_id, group in by_parent.items():
        # Locked, as treebeard's add_child() locks it, until the commit.
        parent = Page.objects.select_for_update().get(pk=parent_id)
        _slugs(run, parent, group)
        last = _last_child_path(run, parent)
        step = Page._str2int(last[-Page.steplen :]) if last else 0
        for p in group:
            step += 1
            page, item = p.page, p.item
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, step)
            if len(page.path) > len(parent.path) + Page.steplen:
                raise ValueError("tree path overflow")
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.section_id = parent.pk
            live = item.status in LIVE
            when = item.published_at
            page.live = live
            page.has_unpublished_changes = not live
            page.go_live_at = when if item.status == "future" else None
            page.first_published_at = (when or now) if live else None
            page.last_published_at = page.first_published_at
            if live and page.published_at is None:
                page.published_at = page.first_published_at
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(group))
        run.last_child[parent.pk] = group[-1].page.path


def _last_child_path(run, parent) -> str | None:
    """The path of the parent's last child, as treebeard's add_child() reads it.

    Reading it sorts every child of the section, which grows with the
    import (tens of ms per batch at 10,000 articles on PostgreSQL). The path
    this run gave out last is kept instead, and trusted while no child sits
    after it: one probe of the path index per batch and parent.
    """
    low, high = Page._get_children_path_interval(parent.path)
    children = Page.objects.filter(depth=parent.depth + 1)
    known = run.last_child.get(parent.pk)
    if known and not children.filter(path__gt=known, path__lte=high).exists():
        return known
    return (
        children.filter(path__range=(low, high))
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )


def _slugs(run, parent, group) -> None:
    """Each post's slug, or -2, -3 … when a sibling (or a batch mate) has it."""
    bases = {}
    for p in group:
        base = slugify(p.wanted_slug, allow_unicode=True)[:MAX_SLUG].strip("-")
        bases[id(p)] = base or "page"
    taken = set(
        Page.objects.child_of(parent)
        .filter(slug__in=set(bases.values()))
        .values_list("slug", flat=True)
    )
    for p in group:
        base = bases[id(p)]
        slug = base
        if slug in taken:
            taken.update(
                Page.objects.child_of(parent)
                .filter(slug__startswith=base)
                .values_list("slug", flat=True)
            )
            n = 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            run.report.problem(f"post {p.item.wp_id}", "slug",
                               f"slug {base} already used here; renamed {slug}")  # fmt: skip
        taken.add(slug)
        p.page.slug = slug


def _insert_pages(planned) -> None:
    """Page rows, then article rows (Django's bulk_create refuses
    multi-table models), then bylines and tags."""
    # The page rows straight from the articles: a Page copy of each, for
    # bulk_create(), cost as much as the insert. Batched and read back with
    # RETURNING as bulk_create() does (SQLite 3.35+ and PostgreSQL).
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    pages = [p.page for p in planned]
    size = max(connection.ops.bulk_batch_size(page_fields, pages), 1)
    returning = Page._meta.db_returning_fields
    for start in range(0, len(pages), size):
        chunk = pages[start : start + size]
        rows = Page._base_manager._insert(
            chunk, fields=page_fields, returning_fields=returning,
            using=connection.alias,
        )  # fmt: skip
        for page, row in zip(chunk, rows, strict=True):
            page.id = page.page_ptr_id = row[0]
            page._state.adding = False
            page._state.db = connection.alias
    ArticlePage._base_manager._insert(
        [p.page for p in planned],
        fields=ArticlePage._meta.local_concrete_fields,
        using=connection.alias,
    )
    authors, tags = [], []
    for p in planned:
        for link in p.page.article_authors.all():
            link.page_id = p.page.pk
            authors.append(link)
        for link in p.page.tagged_items.all():
            link.content_object_id = p.page.pk
            # The live date on the tag link, as ArticlePage.save() keeps it.
            link.published_at = p.page.published_at if p.page.live else None
            tags.append(link)
    ArticlePageAuthor.objects.bulk_create(authors)
    ArticleTag.objects.bulk_create(tags)


def _insert_revisions(planned) -> None:
    """Each article's first revision: live, draft or approved for its date."""
    article_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    adapt = connection.ops.adapt_datetimefield_value
    now = timezone.now()
    revisions = [
        Revision(
            content_type=article_type,
            base_content_type=page_type,
            object_id=str(p.page.pk),
            created_at=now,
            approved_go_live_at=p.page.go_live_at,
            content=p.page.serializable_data(),
            object_str=str(p.page),
        )
        for p in planned
    ]
    Revision.objects.bulk_create(revisions)
    rows = []
    for p, revision in zip(planned, revisions, strict=True):
        page = p.page
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        page.live_revision = revision if page.live else None
        rows.append((revision.pk, adapt(revision.created_at), page.live_revision_id,
                     page.pk))  # fmt: skip
    # One statement run per row: Django's bulk_update() builds a CASE per
    # column and row, slower than the rows it saves for a hundred pages.
    # The table name is the model's own, never input.
    table = connection.ops.quote_name(Page._meta.db_table)
    sql = (
        f"UPDATE {table} SET latest_revision_id = %s,"  # noqa: S608
        " latest_revision_created_at = %s, live_revision_id = %s WHERE id = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _record(run, planned) -> None:
    article_type = ContentType.objects.get_for_model(ArticlePage)
    insert_rows(
        ImportedObject,
        [
            ImportedObject(
                source=run.ledger.source,
                kind="post",
                wp_key=str(p.item.wp_id),
                content_type=article_type,
                object_id=p.page.pk,
                checksum=p.digest,
                guid=p.item.guid[:500],
                wp_parent=p.item.parent_id or None,
                pending=p.links_waiting,
            )  # fmt: skip
            for p in planned
        ],
    )


def _comments(run, planned) -> None:
    """Comments of the new articles, parents before replies, and their counts."""
    model = run.comment_model
    if model is None:
        for p in planned:
            comment_import.skip_all(
                run, p.item, "the comments app has no database table yet"
            )
        return {}
    report = run.report
    made: dict[int, object] = {}
    waves: list[list] = []
    level_of: dict[int, int] = {}
    for p in planned:
        for comment in comment_import.parents_first(p.item.comments):
            if comment_import.refused(report, comment):
                continue
            level = level_of.get(comment.parent_id, -1) + 1 if comment.parent_id else 0
            level_of[comment.wp_id] = level
            while len(waves) <= level:
                waves.append([])
            waves[level].append((p, comment))
    rows, ledger = [], []
    for wave in waves:
        objects = [_comment(run, model, p, c, made) for p, c in wave]
        model.objects.bulk_create(objects)
        for (p, comment), target in zip(wave, objects, strict=True):
            made[comment.wp_id] = target
            rows.append((p, comment, target))
    dated = []
    adapt = connection.ops.adapt_datetimefield_value
    comment_type = ContentType.objects.get_for_model(model) if rows else None
    for p, comment, target in rows:
        if comment.date_gmt:
            # created_at is auto_now_add: the WordPress date is set afterwards.
            target.created_at = comment.date_gmt
            dated.append((adapt(comment.date_gmt), target.pk))
        ledger.append(
            ImportedObject(
                source=run.ledger.source,
                kind="comment",
                wp_key=str(comment.wp_id),
                content_type=comment_type,
                object_id=target.pk,
                checksum=checksum(comment, p.page.pk, target.parent_id),
            )  # fmt: skip
        )
        report.count("comments", "created")
    if dated:
        # As in _insert_revisions: one statement, run per row.
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET created_at = %s WHERE id = %s",  # noqa: S608
                dated,
            )
    insert_rows(ImportedObject, ledger)
    return _threads(planned, rows)


def _comment(run, model, p, comment, made):
    """One unsaved comment; its parent from this batch or an earlier import."""
    parent = made.get(comment.parent_id) if comment.parent_id else None
    if comment.parent_id and parent is None:
        parent_id = run.ledger.target_id("comment", comment.parent_id)
        parent = model.objects.filter(pk=parent_id).first() if parent_id else None
        if parent is None:
            run.report.problem(f"comment {comment.wp_id}", "comment",
                               f"reply to missing comment {comment.parent_id}")  # fmt: skip
    return model(
        article_id=p.page.pk,
        parent=parent,
        root_id=(parent.root_id or parent.pk) if parent else None,
        depth=parent.depth + 1 if parent else 1,
        name=(comment.author or "—")[:80],
        email=comment.email[:254],
        website=comment.url[:600] if comment.url.startswith("http") else "",
        body=comment.content,
        status=comment_import.STATES.get(comment.approved, "pending"),
        ip=comment_import._ip(comment.ip),
    )


def _threads(planned, rows) -> dict[int, int]:
    """Thread rows (open switch, approved count), as the per-post path's
    refresh() leaves them; returns the counts to cache after the commit."""
    from nashra.comments.models import CommentThread, Status

    approved = Counter(t.article_id for _, _, t in rows if t.status == Status.APPROVED)
    with_comments = {t.article_id for _, _, t in rows}
    threads = [
        CommentThread(
            page_id=p.page.pk,
            is_open=p.item.comment_status != "closed",
            approved_count=approved[p.page.pk],
        )
        for p in planned
        if p.page.pk in with_comments or p.item.comment_status == "closed"
    ]
    CommentThread.objects.bulk_create(threads)
    return {pk: approved[pk] for pk in with_comments}


def _cache_counts(found: dict) -> None:
    from nashra.comments import counts

    cache.set_many(
        {counts._key(pk): n for pk, n in found.items()}, timeout=counts.TIMEOUT
    )
