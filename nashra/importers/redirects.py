"""Old WordPress URLs → 301 redirects to the imported pages (#7).

Rows use Wagtail's Redirect model, normalised as its middleware looks them
up. Paths with a query string on an existing page (/?p=123 on the home page)
never reach that middleware, which only handles 404s: see middleware.py.
"""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect

from nashra.core.rows import insert_rows

from .permalinks import (
    old_paths_for_author,
    old_paths_for_item,
    old_paths_for_term,
)

MAX_PATH = 255


def _new_path(target) -> str:
    url = target if isinstance(target, str) else target.get_url()
    return Redirect.normalise_path(urlsplit(url or "").path or "/")


def add_redirects(run, item_label, paths, target) -> None:
    """Point every old path at `target` (a page or a local URL)."""
    add_redirects_many(run, [(item_label, paths, target)])


def add_redirects_many(run, entries) -> None:
    """Redirects for (label, old paths, target) entries: one lookup, one insert.

    Entries are settled in order, as one add_redirects() call each would:
    an old path claimed by an earlier entry of the same call already
    redirects elsewhere for a later one.
    """
    report = run.report
    planned = []
    for item_label, paths, target in entries:
        new_path = _new_path(target)
        wanted: dict[str, None] = {}
        for path in paths:
            old = Redirect.normalise_path(path)
            if old == new_path or old in wanted:
                continue
            if len(old) > MAX_PATH:
                report.problem(
                    item_label, "redirect", f"old path longer than 255: {old[:60]}…"
                )
                report.count("redirects", "skipped")
                continue
            wanted[old] = None
        if wanted:
            planned.append((item_label, wanted, target))
    if not planned:
        return
    every = [old for _, wanted, _ in planned for old in wanted]
    existing = {
        row.old_path: row
        for row in Redirect.objects.filter(site=None, old_path__in=every)
    }
    fresh = []
    for item_label, wanted, target in planned:
        is_page = not isinstance(target, str)
        for old in wanted:
            row = existing.get(old)
            if row is None:
                row = Redirect(old_path=old, site=None, is_permanent=True,
                               redirect_page=target if is_page else None,
                               redirect_link="" if is_page else target)  # fmt: skip
                existing[old] = row
                fresh.append(row)
                report.count("redirects", "created")
            elif (
                (row.redirect_page_id == target.pk)
                if is_page
                else (row.redirect_link == target)
            ):
                report.count("redirects", "unchanged")
            else:
                report.problem(
                    item_label, "redirect", f"{old} already redirects elsewhere"
                )
                report.count("redirects", "skipped")
    insert_rows(Redirect, fresh)


def redirect_item(run, item, page) -> None:
    paths = old_paths_for_item(item, run.channel, run.categories)
    add_redirects(run, item.wp_id, paths, page)


def redirect_term(run, kind, term, target) -> None:
    paths = old_paths_for_term(kind, term, run.channel, run.categories)
    add_redirects(run, f"{kind} {term.term_id}", paths, target)


def redirect_author(run, author, target_url: str) -> None:
    paths = old_paths_for_author(author, run.channel)
    add_redirects(run, f"author {author.login}", paths, target_url)
