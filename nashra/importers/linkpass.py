"""The second pass: links between posts point at the new pages (#7).

It runs once every post exists, over the rows marked pending, and clears
each mark in the same transaction as the rewrite, so a killed run resumes.
"""

from urllib.parse import urlsplit

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect

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
            mapping = {}
            for href in internal_links(raw, run.site_url):
                url = new_url(href)
                if url:
                    mapping[href] = url
            if mapping:
                page.body = rewrite_links(raw, mapping)
                _save(page)
        ImportedObject.objects.filter(pk=row.pk).update(pending=False)


def _save(page) -> None:
    if page.live and not page.has_unpublished_changes:
        page.save_revision(clean=False).publish(skip_permission_checks=True)
    else:
        page.save_revision(clean=False, approved_go_live_at=page.go_live_at)
        if not page.live:
            page.save(update_fields=["body"], clean=False)
