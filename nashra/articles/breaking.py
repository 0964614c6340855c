"""Breaking news for the ticker and the home page block (#4)."""

from django.db.models import Min
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from nashra.articles.models import ArticlePage, Breaking
from nashra.core import fragments, groups


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
