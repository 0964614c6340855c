"""Breaking news for the ticker and the home page block (#4).

The switch is the article's own ``breaking_until`` (#14); the Breaking table
is its index for the ticker, kept by ``ArticlePage.save()`` and emptied of
expired rows by the ``expire-breaking`` job.
"""

from django.db import transaction
from django.db.models import Min
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from nashra.articles.models import ArticlePage, Breaking
from nashra.core import fragments, groups
from nashra.core.invalidate import bump


def current_breaking(site, limit, now=None, within=None):
    """Published articles of ``site`` (or of the queryset ``within``) marked
    breaking and not yet expired, newest first, in one query."""
    articles = within if within is not None else ArticlePage.objects.published()
    # A subquery, not a join: joined, SQLite walked every article newest first
    # looking for the few breaking ones (370 ms at 100,000 articles, #8).
    current = Breaking.objects.filter(until__gt=now or timezone.now())
    articles = articles.filter(pk__in=current.values("page_id"))
    if site is not None:
        articles = articles.descendant_of(site.root_page)
    return list(articles.select_related("section").newest_first()[:limit])


def lifetime(articles, now=None):
    """Seconds HTML showing ``articles`` stays true: until the first of
    their breaking badges must go, else the fragment cache's own timeout."""
    now = now or timezone.now()
    ends = [a.breaking_until for a in articles if getattr(a, "is_breaking", False)]
    if not ends:
        return fragments.TIMEOUT
    left = int((min(ends) - now).total_seconds())
    return max(1, min(left, fragments.TIMEOUT))


def seconds_until_next_end(now=None):
    """Seconds until the first current breaking flag ends, at most the
    fragment cache's timeout: the ticker is in every page's chrome, so no
    cached page may outlive that moment (the page cache caps its entries
    with it). Kept in the fragment cache, which a flag's change bumps."""
    now = now or timezone.now()

    def build():
        # In a tuple: "no breaking news" must be kept too, not asked again.
        return (Breaking.objects.current(now).aggregate(first=Min("until"))["first"],)

    def left(built):
        ends = built[0]
        if ends is None:
            return fragments.TIMEOUT
        return max(0, min(int((ends - now).total_seconds()), fragments.TIMEOUT))

    built = fragments.cached("breaking-ends", {groups.SITE, groups.FRONT}, build, left)
    return max(1, left(built))


def ticker_html(site, request, limit):
    """The ticker of ``site`` as HTML, cached under the page-cache versions
    of the whole site and of the article stream, and never past the moment
    its first item stops being breaking (#8)."""

    def build():
        now = timezone.now()
        items = current_breaking(site, limit, now=now)
        html = render_to_string(
            "articles/ticker.html", {"items": items, "request": request}
        )
        ends = Breaking.objects.filter(page_id__in=[a.pk for a in items]).aggregate(
            first=Min("until")
        )["first"]
        seconds = int((ends - now).total_seconds()) if ends else fragments.TIMEOUT
        return html, min(seconds, fragments.TIMEOUT)

    html, _seconds = fragments.cached(
        f"ticker:{site.pk}",
        {groups.SITE, groups.FRONT},
        build,
        timeout=lambda built: built[1],
    )
    return mark_safe(html)  # noqa: S308  (rendered by our template)


def expire_breaking(now=None):
    """Switch off every breaking flag whose time has passed; returns how many.

    Readers never see an expired item even before this runs (the ticker
    query, ``is_breaking`` and the fragments' lifetimes check the time):
    this tidies the rows and bumps the pages that showed them, so cached
    pages and the admin agree with the clock.
    """
    now = now or timezone.now()
    # The index is small and holds every live flag: no scan of the articles.
    stale = Breaking.objects.filter(until__lte=now)
    ids = list(stale.values_list("page_id", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        # The live row only: revisions keep the time the editor chose, and
        # publishing one of them again puts nothing back in the ticker.
        ArticlePage.objects.filter(pk__in=ids, breaking_until__lte=now).update(
            breaking_until=None
        )
        # Each delete is heard by the page cache (Breaking is site-wide).
        Breaking.objects.filter(page_id__in=ids, until__lte=now).delete()
        bump(ArticlePage.cache_groups_of(ids) | {groups.SITE})
    return len(ids)
