"""Placing imported pages in Wagtail's tree: free slugs and first publication."""

import functools

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Revision

MAX_SLUG = 240


def unique_slug(parent, wanted: str, *, report=None, item="", exclude=None) -> str:
    """`wanted` as a Wagtail slug, with -2, -3 … when a sibling has it (#7)."""
    base = slugify(wanted, allow_unicode=True)[:MAX_SLUG].strip("-") or "page"
    siblings = Page.objects.child_of(parent)
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    if report is not None and slug != base:
        report.problem(item, "slug", f"slug {base} already used here; renamed {slug}")
    return slug


def publish_new(parent, page) -> None:
    add_with_revision(parent, page, live=True)


def add_with_revision(parent, page, *, live: bool, go_live_at=None) -> None:
    """Add a new page and its first revision with one page save.

    Wagtail's save_revision() and publish() save the page twice more, and
    each save re-indexes it; an import of 50,000 posts cannot pay that
    three times (#7). The result is what publish() leaves: a live page
    whose live and latest revision is the imported one, or a draft (with a
    revision approved for go_live_at when scheduled).
    """
    page.live = live
    page.has_unpublished_changes = not live
    page.go_live_at = go_live_at
    if live:
        page.first_published_at = page.first_published_at or timezone.now()
        page.last_published_at = page.first_published_at
    # add_child() calls save() without arguments; the importer's values are
    # already clean (sanitised body, free slug), and full_clean() validating
    # every block again is a third of a post's import time.
    page.save = functools.partial(type(page).save, page, clean=False)
    try:
        parent.add_child(instance=page)
    finally:
        del page.save
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        approved_go_live_at=go_live_at,
        content=page.serializable_data(),
        object_str=str(page),
    )
    fields = {
        "latest_revision": revision,
        "latest_revision_created_at": revision.created_at,
        "draft_title": page.title,
    }
    if live:
        fields["live_revision"] = revision
    type(page).objects.filter(pk=page.pk).update(**fields)
    for name, value in fields.items():
        setattr(page, name, value)
