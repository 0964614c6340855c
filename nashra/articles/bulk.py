"""Articles written a batch at a time: the one bulk write path for pages (#13).

Wagtail's add_child(), save_revision() and publish() cost some forty queries
per article; a 50,000-post import (#7) or a 100,000-article benchmark paper
(#8) cannot pay that. The importer and `nashra generate` hand their unsaved
articles to create_articles(), and only this module lays pages into the tree
behind Wagtail's back. It keeps what the one-by-one path keeps:

- tree paths after the parent's last child, the parent row locked (lock())
  and its numchild raised once, as treebeard's add_child() leaves them;
- depth, url_path, locale, draft title, section and the publication dates,
  as Page.save() and ArticlePage.save() set them;
- bylines, and tag links dated as ArticlePage.sync_tag_dates() dates them;
- the first revision, live or draft, as importers.pagetree.add_with_revision()
  writes it (optional: a benchmark paper has none, an editor's save adds one).

Search indexing and cache invalidation are the callers' (nashra.search.bulk,
once the batch is committed). The treebeard and Django internals this leans
on (MP_Node._get_path, _str2int, _get_children_path_interval) are used
nowhere else; articles/tests/test_bulk.py fails if an upgrade
changes them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Revision

from nashra.core.rows import insert_returning, insert_rows, update_rows

from .models import ArticlePage, ArticlePageAuthor, ArticleTag, GalleryPhoto

# The child relations a new article brings in memory and _insert_links() writes.
INSERTED_LINKS = ("article_authors", "tagged_items", "gallery_photos")


def lock(parent_id: int) -> Page:
    """The parent page, its row locked until the commit, as add_child() locks it."""
    return Page.objects.select_for_update().get(pk=parent_id)


def free_slugs(parent: Page, bases: list[str]) -> list[str]:
    """A free slug for each base: the base, or base-2, base-3 … when a
    sibling (or an earlier base of the same list) has it."""
    children = Page.objects.child_of(parent)
    taken = set(children.filter(slug__in=set(bases)).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug = base
        if slug in taken:
            taken.update(
                children.filter(slug__startswith=base).values_list("slug", flat=True)
            )
            n = 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def create_articles(
    placed: list[tuple[Page, ArticlePage]],
    *,
    revisions: bool = True,
    known_last: dict[int, str] | None = None,
) -> list[ArticlePage]:
    """Insert unsaved articles, each as the last child of its parent.

    `placed` lists (parent, page) pairs in the order the rows are inserted
    (so ids follow it, as one add_child() after another would give them);
    each parent comes from lock() in the same transaction. Each page brings
    its title, a slug free among its siblings (free_slugs()), its content
    fields, `live`, and may bring `first_published_at` (now when live and
    unset), `published_at` and `go_live_at`. Bylines, tags and gallery
    photos come as unsaved `article_authors`, `tagged_items` and
    `gallery_photos` links, as the editor's form gives them. `known_last` maps a parent's pk to the last path this caller was
    given there; passed from batch to batch it saves sorting the section's
    children each time. Returns the pages, saved.
    """
    pages = [page for _, page in placed]
    if not pages:
        return pages
    by_parent: dict[int, tuple[Page, list[ArticlePage]]] = {}
    for parent, page in placed:
        by_parent.setdefault(parent.pk, (parent, []))[1].append(page)
    now = timezone.now()
    for parent, children in by_parent.values():
        _place(parent, children, known_last, now)
    _insert_pages(pages)
    _insert_links(pages, with_ids=revisions)
    if revisions:
        _insert_revisions(pages)
    return pages


def _place(parent, pages, known_last, now) -> None:
    """Tree paths and the fields Page.save() and add_child() set."""
    last = _last_child_path(parent, known_last)
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    for page in pages:
        step += 1
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, step)
        if len(page.path) > len(parent.path) + Page.steplen:
            raise ValueError("tree path overflow")
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.section_id = parent.pk
        page.has_unpublished_changes = not page.live
        if page.live:
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.first_published_at
            if page.published_at is None:
                page.published_at = page.first_published_at
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    if known_last is not None:
        known_last[parent.pk] = pages[-1].path


def _last_child_path(parent, known_last) -> str | None:
    """The path of the parent's last child, as treebeard's add_child() reads it.

    Reading it sorts every child of the section, which grows with the
    import (tens of ms per batch at 10,000 articles on PostgreSQL). The path
    given out last is trusted instead while no child sits after it: one
    probe of the path index per batch and parent (#7).
    """
    low, high = Page._get_children_path_interval(parent.path)
    children = Page.objects.filter(depth=parent.depth + 1)
    known = (known_last or {}).get(parent.pk)
    if known and not children.filter(path__gt=known, path__lte=high).exists():
        return known
    return (
        children.filter(path__range=(low, high))
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )


def _insert_pages(pages) -> None:
    """Page rows, then article rows (Django's bulk_create refuses
    multi-table models)."""
    # The page rows straight from the articles: a Page copy of each, for
    # bulk_create(), cost as much as the insert. Read back with RETURNING as
    # bulk_create() does (SQLite 3.35+ and PostgreSQL).
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    insert_returning(Page, pages, fields=page_fields)
    for page in pages:
        page.page_ptr_id = page.id
    insert_rows(ArticlePage, pages, fields=ArticlePage._meta.local_concrete_fields)


def _insert_links(pages, *, with_ids: bool) -> None:
    """Bylines and tag links; a revision's content names their ids, so
    with_ids reads them back, otherwise rows are just sent."""
    authors, tags, photos = [], [], []
    for page in pages:
        for link in page.article_authors.all():
            link.page_id = page.pk
            authors.append(link)
        # A gallery story's photos (#21), in the order given.
        for photo in page.gallery_photos.all():
            photo.page_id = page.pk
            photos.append(photo)
        for link in page.tagged_items.all():
            link.content_object_id = page.pk
            # The live date on the tag link, as ArticlePage.save() keeps it.
            link.published_at = page.published_at if page.live else None
            tags.append(link)
    if with_ids:
        insert_returning(ArticlePageAuthor, authors)
        insert_returning(ArticleTag, tags)
        insert_returning(GalleryPhoto, photos)
    else:
        insert_rows(GalleryPhoto, photos)
        insert_rows(ArticlePageAuthor, authors)
        insert_rows(ArticleTag, tags)


def _insert_revisions(pages) -> None:
    """Each article's first revision: live, draft or approved for its date."""
    article_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    adapt = connection.ops.adapt_datetimefield_value
    now = timezone.now()
    for page in pages:
        # A new page has no admin comments and no corrections: said in memory,
        # serializable_data() would otherwise query for each, one query per
        # article (#7, #21). The links _insert_links() wrote stay as given.
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            if name not in INSERTED_LINKS:
                setattr(page, name, [])
    revisions = [
        Revision(
            content_type=article_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            approved_go_live_at=page.go_live_at,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    ]
    insert_returning(Revision, revisions)
    rows = []
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        page.live_revision = revision if page.live else None
        rows.append((revision.pk, adapt(revision.created_at), page.live_revision_id,
                     page.pk))  # fmt: skip
    # One statement for the batch on PostgreSQL (core.rows.update_rows).
    fields = [Page._meta.get_field(name) for name in
              ("latest_revision", "latest_revision_created_at", "live_revision")]  # fmt: skip
    update_rows(Page, fields, rows)
