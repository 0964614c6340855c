"""An area's widgets rendered once, kept as a fragment until they change (#20).

The HTML of a whole area is one fragment under "site" (saving the widgets
is saving a site setting, which bumps it, as do sections, settings and
themes) and "front" (every article published, edited or unpublished bumps
it: the latest, a section's latest and most read list articles). A warm
page costs no query for its widgets however many there are or however big
the newspaper. Most read also moves with readers' views, which no signal
announces: an area that shows it is kept for MOST_READ_SECONDS only.

A whole page kept by the page cache shows its areas too, so a page whose
areas list articles depends on what they list ("front" for the latest and
most read, the section's group for a section's latest), through
``request.pagecache_groups``: publishing a story drops the pages whose
sidebar would name it, and only those.
Keyed on the site, the language, the theme and the local day (the date
widget; the page cache keys on the same day).
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Site

from nashra.articles.blocks import sanitise_html
from nashra.articles.counting import most_read
from nashra.articles.models import ArticlePage
from nashra.core import fragments, groups
from nashra.core.templatetags.nashra_tags import header_dates
from nashra.sections.models import SectionPage
from nashra.theme.loaders import active_theme
from nashra.widgets.blocks import NETWORKS
from nashra.widgets.models import WidgetAreas

AREAS = ("sidebar", "footer")
MOST_READ_SECONDS = 5 * 60
MOST_READ_DAYS = {"day": 1, "week": 7}
NETWORK_NAMES = dict(NETWORKS)


def _links(articles, request):
    return [{"title": a.title, "url": a.get_url(request)} for a in articles]


class _Builder:
    def __init__(self, site, request):
        self.site = site
        self.request = request
        self.root = site.root_page
        self.published = ArticlePage.objects.published().filter(
            path__startswith=self.root.path
        )

    def latest(self, value):
        found = self.published.newest_first()
        return {"articles": _links(found[: value.get("count") or 5], self.request)}

    def section(self, value):
        section = SectionPage.objects.live().filter(pk=value.get("section")).first()
        if section is None:
            return None
        found = self.published.filter(section_id=section.pk).newest_first()
        found = found[: value.get("count") or 5]
        return {
            "section": {"title": section.title, "url": section.get_url(self.request)},
            "articles": _links(found, self.request),
        }

    def most_read(self, value):
        days = MOST_READ_DAYS.get(value.get("period"), 1)
        ranked = [pk for pk, _ in most_read(self.root, days, value.get("count") or 5)]
        found = self.published.filter(pk__in=ranked)
        by_pk = {article.pk: article for article in found}
        return {"articles": _links([by_pk[pk] for pk in ranked if pk in by_pk],
                                   self.request)}  # fmt: skip

    def social(self, value):
        links = [
            {"network": link["network"], "name": NETWORK_NAMES[link["network"]],
             "url": link["url"]}
            for link in value.get("links") or []
            if link.get("network") in NETWORK_NAMES and link.get("url")
        ]  # fmt: skip
        return {"links": links} if links else None

    def newsletter(self, value):
        return {}

    def custom_html(self, value):
        html = sanitise_html(str(value.get("html") or "")).strip()
        return {"html": html} if html else None

    def today(self, value):
        return {"today": header_dates({"request": self.request})}


def build_area(site, area, request):
    """The area's HTML, "" when it has no widget with anything to show."""
    stream = getattr(WidgetAreas.for_site(site), area).raw_data
    builder = _Builder(site, request)
    widgets = []
    for number, block in enumerate(stream, 1):
        kind, value = block["type"], block.get("value") or {}
        make = getattr(builder, kind, None)
        shown = make(value) if make is not None else None
        if shown is None or ("articles" in shown and not shown["articles"]):
            continue
        widgets.append({"kind": kind, "title": value.get("title") or "",
                        "value": value, "number": number, **shown})  # fmt: skip
    if not widgets:
        return ("", False, ())
    html = render_to_string(
        "widgets/area.html",
        {"area": area, "widgets": widgets, "request": request},
    )
    moves = any(w["kind"] == "most_read" for w in widgets)
    return (html, moves, tuple(sorted(_depends(widgets))))


def _depends(widgets):
    """The groups of the articles an area lists (see the module docstring)."""
    found = set()
    for shown in widgets:
        if shown["kind"] in ("latest", "most_read"):
            found.add(groups.FRONT)
        elif shown["kind"] == "section":
            found.add(groups.section(shown["value"]["section"]))
    return found


def area_html(request, area):
    """The area's HTML for this request's site, from the fragment cache."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None or area not in AREAS:
        return ""
    name = (
        f"widgets:{area}:{site.pk}:{get_language()}:{active_theme.get()}:"
        f"{timezone.localdate().isoformat()}"
    )
    html, _most_read, depends = fragments.cached(
        name,
        {groups.SITE, groups.FRONT},
        lambda: build_area(site, area, request),
        timeout=lambda built: MOST_READ_SECONDS if built[1] else fragments.TIMEOUT,
    )
    if depends:
        known = getattr(request, "pagecache_groups", ())
        request.pagecache_groups = {*known, *depends}
    return html
