"""The articles of a batch of new posts: planned from the export, written by
nashra.articles.bulk, recorded in the ledger (#7, #13)."""

import dataclasses

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from nashra.articles import bulk as articles
from nashra.articles.models import ArticlePage
from nashra.core.rows import insert_rows

from .jannah import section_nicenames
from .ledger import checksum
from .linkpass import resolve_links
from .models import ImportedObject
from .pagetree import MAX_SLUG
from .posts import LIVE, featured_image, fill, wanted_slug
from .terms import uncategorised_section


@dataclasses.dataclass
class New:
    """One new post of the batch and the article made of it."""

    item: object
    page: ArticlePage
    parent_id: int
    digest: str
    links_waiting: bool
    wanted_slug: str


def plan(run, item) -> New:
    """The article in memory, as posts.import_item() would fill it."""
    parent_id = _section_id(run, item)
    featured = featured_image(run, item)
    digest = checksum(dataclasses.replace(item, comments=()), parent_id, featured)
    conversion = run.conversion_of(item)
    for problem in (*item.problems, *conversion.problems):
        run.report.problem(item.wp_id, problem.kind, problem.reason)
    body = run.images.blocks(conversion.blocks, item, run.report)
    body, links_waiting = resolve_links(body, run.site_url)
    page = ArticlePage()
    fill(run, page, item, body, featured, "post")
    if item.status == "private":
        run.report.problem(item.wp_id, "status", "private post kept as a draft")
    live = item.status in LIVE
    when = item.published_at
    page.live = live
    page.go_live_at = when if item.status == "future" else None
    page.first_published_at = when if live else None
    return New(item, page, parent_id, digest, links_waiting, wanted_slug(item, page))


def _section_id(run, item) -> int:
    for nicename in section_nicenames(run, item):
        if nicename in run.sections:
            return run.sections[nicename]
    return uncategorised_section(run)


def create(run, planned: list[New]) -> None:
    """Free slugs (renames reported), then the articles, in the export's order."""
    parents = {}
    for p in planned:
        if p.parent_id not in parents:
            parents[p.parent_id] = articles.lock(p.parent_id)
    for parent_id, parent in parents.items():
        group = [p for p in planned if p.parent_id == parent_id]
        bases = [_base(p.wanted_slug) for p in group]
        for p, base, slug in zip(
            group, bases, articles.free_slugs(parent, bases), strict=True
        ):
            if slug != base:
                run.report.problem(f"post {p.item.wp_id}", "slug",
                                   f"slug {base} already used here; renamed {slug}")  # fmt: skip
            p.page.slug = slug
    articles.create_articles(
        [(parents[p.parent_id], p.page) for p in planned], known_last=run.last_child
    )


def _base(wanted: str) -> str:
    return slugify(wanted, allow_unicode=True)[:MAX_SLUG].strip("-") or "page"


def record(run, planned: list[New]) -> None:
    """The ledger rows of the new articles."""
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
