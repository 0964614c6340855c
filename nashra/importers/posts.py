"""Posts → articles and pages → standard pages, one transaction each (#7).

Status mapping:
- publish → live; draft, pending → a draft revision for the editors;
- future → a revision approved for publication at the post's date, so the
  scheduler (nashra serve, or `publish_scheduled`) publishes it on time;
- private → kept as a draft: WordPress shows private posts to its editors
  only, and Nashra's closest rule (any logged-in account) would show them to
  readers with accounts too. Reported, so the newsroom can decide;
- a post password → Wagtail's password view restriction, the same rule;
- trash, auto-draft → skipped.
"""

import dataclasses
import html

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction

from nashra.articles.models import ArticlePage, ArticlePageAuthor, ArticleTag, Tag
from nashra.pages.models import StandardPage
from nashra.text.reading import plain_text

from . import jannah
from .ledger import checksum
from .linkpass import resolve_links
from .pagetree import add_with_revision, unique_slug
from .redirects import redirect_item
from .terms import tag_for, uncategorised_section

LIVE = {"publish"}
DRAFT = {"draft", "pending", "private", "future"}
SKIP = {"trash": "in the trash", "auto-draft": "an unsaved auto-draft"}
SUMMARY_MAX = 600


def import_item(run, item, bucket: str) -> None:
    """Import one post or page and its comments; never raises for bad content."""
    report = run.report
    if item.status in SKIP or item.status not in LIVE | DRAFT:
        reason = SKIP.get(item.status, f"unknown status {item.status[:20]!r}")
        report.problem(item.wp_id, "status", f"not imported: {reason}")
        report.count(bucket, "skipped")
        run.skip_comments(item, "its post was not imported")
        return
    try:
        page = _import(run, item, bucket)
    except Exception as error:  # noqa: BLE001  (one bad post must not stop the run)
        report.problem(item.wp_id, "failed", f"{type(error).__name__}: {error}"[:300])
        report.count(bucket, "failed")
        run.skip_comments(item, "its post failed")
        return
    run.import_comments(item, page)


def _import(run, item, bucket):
    kind = "post" if bucket == "posts" else "page"
    model = ArticlePage if kind == "post" else StandardPage
    row = run.ledger.find(kind, item.wp_id, item.guid)
    page = model.objects.filter(pk=row.object_id).first() if row else None
    parent = _parent(run, item, kind, page)
    featured = featured_image(run, item) if kind == "post" else None
    digest = checksum(dataclasses.replace(item, comments=()), parent.pk, featured)
    if page is not None and row.checksum == digest:
        run.report.count(bucket, "unchanged")
        redirect_item(run, item, page)
        return page
    with transaction.atomic():
        conversion = run.conversion_of(item)
        for problem in (*item.problems, *conversion.problems):
            run.report.problem(item.wp_id, problem.kind, problem.reason)
        body = run.images.blocks(conversion.blocks, item, run.report)
        # Links to posts imported earlier are mapped now; the rest wait (pass 3).
        body, links_waiting = resolve_links(body, run.site_url)
        outcome = "updated" if page else "created"
        if page is not None:
            # Before fill(): treebeard reloads every field of a moved page.
            _move(page, parent)
        page = page or model()
        fill(run, page, item, body, featured, kind)
        if outcome == "created":
            _create(run, page, parent, item)
        else:
            _keep_slug(run, page, parent, item)
            _publish(run, page, item)
        run.ledger.record(
            row, kind, item.wp_id, page, digest,
            guid=item.guid[:500], wp_parent=item.parent_id or None,
            pending=links_waiting,
        )  # fmt: skip
        redirect_item(run, item, page)
    run.touched.add(page.pk)
    run.report.count(bucket, outcome)
    return page


def _parent(run, item, kind, page=None) -> Page:
    if kind == "page":
        parent_id = item.parent_id and run.ledger.target_id("page", item.parent_id)
        return Page.objects.get(pk=parent_id) if parent_id else run.home
    if page is not None and jannah.keeps_theme_data(run, page, item):
        # No primary category through REST: the section the export chose
        # stays while it is still one of the post's categories.
        current = page.get_parent()
        if current.pk in {run.sections.get(n) for n in item.terms("category")}:
            return current
    for nicename in jannah.section_nicenames(run, item):
        if nicename in run.sections:
            return Page.objects.get(pk=run.sections[nicename])
    return Page.objects.get(pk=uncategorised_section(run))


def featured_image(run, item) -> int | None:
    thumbnail = item.postmeta.get("_thumbnail_id", "").strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses, and the
    # ValueError failed the whole post (#13).
    if not thumbnail.isdecimal():
        return None
    found = run.images.by_id(int(thumbnail))
    if found is None:
        run.report.problem(
            item.wp_id, "image", f"featured image {thumbnail} not imported"
        )
    return found


def _title(item) -> str:
    title = html.unescape(plain_text(item.title)).strip()
    return (title or item.slug or f"#{item.wp_id}")[:255]


def fill(run, page, item, body, featured, kind) -> None:
    page.title = _title(item)
    page.body = body
    page.seo_title = ""
    if kind != "post":
        return
    summary = plain_text(item.excerpt).strip()
    if len(summary) > SUMMARY_MAX:
        run.report.problem(item.wp_id, "excerpt", "excerpt cut to 600 characters")
        summary = summary[: SUMMARY_MAX - 1] + "…"
    page.summary = summary
    page.featured_image_id = featured
    page.featured = item.is_sticky
    page.published_at = item.published_at
    logins = [item.author] if item.author in run.authors else []
    page.article_authors = [
        ArticlePageAuthor(author_id=run.authors[login], sort_order=n)
        for n, login in enumerate(logins)
    ]
    names = {
        slug: name for domain, slug, name in item.categories if domain == "post_tag"
    }
    tag_ids = [tag_for(run, slug, names[slug]) for slug in names if slug]
    tags = _tag_objects(run, tag_ids)
    if page.pk is None:
        # A new page's links, without the taggable manager's diffing, which
        # cost a tenth of a bulk-imported post (#7).
        page.tagged_items = [ArticleTag(tag=tag) for tag in tags]
    else:
        page.tags.set(tags)
    # Jannah's per-post meta: format, media, blocks, switches (#21).
    page.body = jannah.apply(run, page, item, body)


def _tag_objects(run, tag_ids: list[int]) -> list[Tag]:
    """The tags, read once per run: a query per post was a tenth of it (#7)."""
    cache = run.tag_objects
    missing = [pk for pk in tag_ids if pk not in cache]
    if missing:
        cache.update(Tag.objects.in_bulk(missing))
    return [cache[pk] for pk in dict.fromkeys(tag_ids) if pk in cache]


def wanted_slug(item, page) -> str:
    return item.slug or slugify(page.title, allow_unicode=True) or f"post-{item.wp_id}"


def _create(run, page, parent, item) -> None:
    label = f"{item.post_type} {item.wp_id}"
    page.slug = unique_slug(parent, wanted_slug(item, page), report=run.report,
                            item=label)  # fmt: skip
    status = item.status
    when = item.published_at
    if status == "private":
        run.report.problem(item.wp_id, "status", "private post kept as a draft")
    page.first_published_at = when if status in LIVE else None
    scheduled = when if status == "future" else None
    add_with_revision(parent, page, live=status in LIVE, go_live_at=scheduled)
    if item.password:
        set_password(page, item.password)


def _move(page, parent) -> None:
    if page.get_parent().pk != parent.pk:
        page.move(parent, pos="last-child")


def _keep_slug(run, page, parent, item) -> None:
    wanted = wanted_slug(item, page)
    if slugify(wanted, allow_unicode=True)[:240] != page.slug:
        page.slug = unique_slug(parent, wanted, report=run.report,
                                item=f"{item.post_type} {item.wp_id}",
                                exclude=page.pk)  # fmt: skip


def _publish(run, page, item) -> None:
    status = item.status
    if status == "private":
        run.report.problem(item.wp_id, "status", "private post kept as a draft")
    when = item.published_at
    if status == "future" and when is not None:
        if page.live:
            page.unpublish()
        page.go_live_at = when
        page.save_revision(approved_go_live_at=when, clean=False)
    elif status in LIVE:
        page.first_published_at = page.first_published_at or when
        page.save_revision(clean=False).publish(skip_permission_checks=True)
    else:
        if page.live:
            page.unpublish()
        page.save_revision(clean=False)
    set_password(page, item.password)


def set_password(page, password: str) -> None:
    restrictions = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.PASSWORD
    )
    if not password:
        restrictions.delete()
        return
    restriction = restrictions.first() or PageViewRestriction(
        page=page, restriction_type=PageViewRestriction.PASSWORD
    )
    restriction.password = password[:255]
    restriction.save()
