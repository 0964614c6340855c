"""The second pass: links between posts point at the new pages (#7).

It runs once every post exists, over the rows marked pending, and clears
each mark in the same transaction as the rewrite, so a killed run resumes.
"""

from urllib.parse import urlsplit

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from .convert import rewrite_links
from .convert.links import internal_links
from .models import ImportedObject

CHUNK = 500


def new_url(href: str) -> str | None:
    """The imported page an old link points to, through the redirect table."""
    parts = urlsplit(href)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    old = Redirect.normalise_path(path)
    redirect = _lookup(old) or (_lookup(Redirect.normalise_path(parts.path or "/"))
                                if parts.query else None)  # fmt: skip
    return redirect.link if redirect else None


def _lookup(path: str):
    if "\0" in path:
        return None
    return (
        Redirect.objects.filter(old_path=path).select_related("redirect_page").first()
    )


def rewrite_pending(run) -> int:
    rows = ImportedObject.objects.filter(source=run.ledger.source, pending=True)
    done = 0
    last = 0
    while True:
        chunk = list(rows.filter(pk__gt=last).order_by("pk")[:CHUNK])
        if not chunk:
            return done
        for row in chunk:
            last = row.pk
            _rewrite(run, row)
            done += 1


def _rewrite(run, row) -> None:
    with transaction.atomic():
        page = row.target.specific if row.target is not None else None
        if page is not None:
            raw = list(page.body.raw_data)
            blocks, _ = resolve_links(raw, run.site_url)
            if blocks is not raw:
                page.body = blocks
                save_body(page)
                run.touched.add(page.pk)
        ImportedObject.objects.filter(pk=row.pk).update(pending=False)


def resolve_links(blocks: list[dict], site_url: str) -> tuple[list[dict], bool]:
    """Blocks with old links mapped, and whether some link is still unknown."""
    mapping = {}
    unknown = False
    for href in internal_links(blocks, site_url):
        url = new_url(href)
        if url:
            mapping[href] = url
        else:
            unknown = True
    return (rewrite_links(blocks, mapping) if mapping else blocks), unknown


def save_body(page) -> None:
    """The imported revision is still the latest: change it in place, no new one."""
    page.save(update_fields=["body"], clean=False)
    if page.latest_revision_id:
        Revision.objects.filter(pk=page.latest_revision_id).update(
            content=page.serializable_data()
        )
