"""What the front page shows, block by block, in a fixed number of queries (#4).

Blocks are read from the StreamField's raw JSON (ids, not page objects), so
picking pages costs one query for all of them rather than one per chooser.
Per block type the cost is constant: one query for all section blocks
(each section's newest few, read from the (section, published_at) index),
one per latest, most-read
or breaking block, one for every hand-picked article, and one for all the
images on the page. A block left with no article disappears.
"""

import json

from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.expressions import RawSQL

from nashra.articles.breaking import current_breaking
from nashra.articles.counting import most_read
from nashra.articles.models import ArticlePage
from nashra.articles.queries import attach_columnists, images_with
from nashra.core import fragments, groups
from nashra.images import renditions
from nashra.sections.models import SectionPage
from nashra.sections.queries import public_sections_under

LATEST_COUNT = 8
PER_SECTION = 4
MOST_READ_DAYS = {"day": 1, "week": 7}


# Stands for the section id while one member of the UNION ALL is compiled:
# no page has a negative id, so it marks exactly one parameter.
_SECTION_SLOT = -1


def newest_per_section(articles, wanted):
    """``articles`` limited to the newest ``count`` of each section, for
    ``wanted`` = {section pk: count}, in one query.

    A window function ranking every article of every section reads the whole
    table (4 s at 100,000 articles on SQLite, #8); a UNION ALL of one LIMIT
    per section reads a few entries of the (section, published_at) index each.
    SQLite refuses LIMIT on the members of a compound query itself, so each
    member is wrapped as a derived table, which both databases accept. A member
    is compiled once per count and repeated with each section's id: compiling
    it per section cost more than running the whole query.
    """
    compiled = {}
    parts, params = [], []
    for number, (section, count) in enumerate(sorted(wanted.items())):
        if count not in compiled:
            member = articles.filter(section_id=_SECTION_SLOT).newest_first()
            member = member.values("pk")[:count]
            sql, member_params = member.query.get_compiler(articles.db).as_sql()
            if list(member_params).count(_SECTION_SLOT) != 1:
                raise RuntimeError("the section id is not one parameter")
            compiled[count] = sql, list(member_params)
        sql, member_params = compiled[count]
        # Only SQL compiled by Django here; every value stays a parameter.
        parts.append(f"SELECT * FROM ({sql}) AS newest_{number}")  # noqa: S608
        params.extend(section if p == _SECTION_SLOT else p for p in member_params)
    members = RawSQL(" UNION ALL ".join(parts), params)  # noqa: S611  (as above)
    return articles.filter(pk__in=members)


def default_layout(sections):
    """The front page before editors arrange it: lead, latest, every section."""
    return [
        ("lead", {}),
        ("latest", {"count": LATEST_COUNT}),
        *[("section", {"section": s.pk, "count": PER_SECTION, "layout": "grid"})
          for s in sections],
    ]  # fmt: skip


class _Front:
    def __init__(self, home, kept=False):
        self.home = home
        self.kept = kept
        # Cards never show the body: reading it cost more than the queries.
        published = ArticlePage.objects.published().descendant_of(home)
        self.published = published.defer_streamfields()
        found = self.keep(
            f"front-sections:{home.pk}",
            {groups.SITE},
            lambda: list(public_sections_under(home)),
        )
        self.sections = {section.pk: section for section in found}
        self.lead = None
        self.lead_pk = None

    def keep(self, name, found, build):
        """``build()``, from the fragment cache when rendering for readers
        (#12): a section's publication, move or restriction bumps "site",
        an article's "front"."""
        if not self.kept:
            return build()

        return fragments.cached(name, found, build)

    def settle_lead(self, value, picked):
        """The lead story's id; the article itself only when it is chosen
        now (a kept choice leaves ``lead`` to ``lead_article``)."""

        def build():
            self.lead = self.choose_lead(value, picked)
            return self.lead.pk if self.lead else 0

        name = f"front-lead:{self.home.pk}:{json.dumps(value, sort_keys=True)}"
        self.lead_pk = self.keep(name, {groups.SITE, groups.FRONT}, build) or None

    def lead_article(self):
        if self.lead is None and self.lead_pk is not None:
            found = self.with_sections(self.published.filter(pk=self.lead_pk))
            self.lead = found[0] if found else None
        return self.lead

    def with_sections(self, articles):
        """``articles`` as a list, each with its section from those already
        read: a join would build a second page object for every card (#8)."""
        articles = list(articles)
        known = dict(self.sections)
        missing = {a.section_id for a in articles} - known.keys() - {None}
        if missing:  # a section unpublished after its articles, say
            known.update(SectionPage.objects.in_bulk(missing))
        link = ArticlePage._meta.get_field("section")
        for article in articles:
            if article.section_id in known:
                link.set_cached_value(article, known[article.section_id])
        return articles

    def picked(self, layout):
        ids = {value.get("article") for kind, value in layout if kind == "lead"}
        for kind, value in layout:
            if kind == "collection":
                ids.update(value.get("articles") or [])
        ids = {pk for pk in ids if isinstance(pk, int)}
        if not ids:
            return {}
        found = self.with_sections(self.published.filter(pk__in=ids))
        return {article.pk: article for article in found}

    def choose_lead(self, value, picked):
        if value.get("article") in picked:
            return picked[value["article"]]
        articles = self.published
        if value.get("section") in self.sections:
            articles = articles.filter(section_id=value["section"]).newest_first()
        else:
            articles = articles.order_by("-featured", "-published_at", "-pk")
        return next(iter(self.with_sections(articles[:1])), None)

    def without_lead(self):
        if self.lead_pk is None:
            return self.published
        return self.published.exclude(pk=self.lead_pk)

    def section_articles(self, layout):
        wanted = {}
        for kind, value in layout:
            if kind == "section" and value.get("section") in self.sections:
                pk = value["section"]
                wanted[pk] = max(wanted.get(pk, 0), value.get("count") or PER_SECTION)
        if not wanted:
            return {}
        by_section = {}
        rows = newest_per_section(self.without_lead(), wanted).newest_first()
        for article in self.with_sections(rows):
            by_section.setdefault(article.section_id, []).append(article)
        return by_section

    def most_read(self, value):
        days = MOST_READ_DAYS.get(value.get("period"), 1)
        ranked = most_read(self.home, days, value.get("count") or 5)
        found = self.published.filter(pk__in=[pk for pk, _ in ranked])
        by_pk = {article.pk: article for article in self.with_sections(found)}
        return [by_pk[pk] for pk, _ in ranked if pk in by_pk]


def block_groups(kind, value):
    """The page-cache groups a block's HTML is built from, or None for a
    block rendered each time (#12).

    The lead, latest and hand-picked blocks show articles from the whole
    stream, which every article change bumps ("front"). A section block shows
    the newest of one section: publishing, editing, moving or unpublishing
    one of its articles, or a comment count changing on one, bumps that
    section. "site" covers sections, images, settings and the home page's own
    layout. Most read (view counts) and breaking news (expiry times) change
    without a bump, so they are not kept.
    """
    if kind in ("lead", "latest", "collection"):
        return {groups.SITE, groups.FRONT}
    if kind == "section" and isinstance(value.get("section"), int):
        return {groups.SITE, groups.section(value["section"])}
    return None


def front_page(home, rendered=None, kept=False):
    """The blocks of ``home`` ready to render: a list of dicts with ``kind``,
    ``value`` (the block's settings), ``number`` (its place in the layout,
    from 1) and ``articles``.

    ``rendered(blocks, lead)`` may answer, for blocks kept as fragments, the
    HTML already rendered ({number: html}, "" for a block with nothing to
    show; see nashra.home.fragments): their articles are then not fetched,
    and the block carries ``rendered`` instead. ``kept``: the sections and
    the lead story's choice come from the fragment cache too.
    """
    front = _Front(home, kept)
    layout = [(block["type"], block["value"] or {}) for block in home.body.raw_data]
    if not layout:
        in_menu = [s for s in front.sections.values() if s.show_in_menus]
        layout = default_layout(
            sorted(
                (s for s in in_menu if s.depth == home.depth + 1),
                key=lambda s: s.path,
            )
        )
    # Hand-picked articles in one query with the lead, kept or not.
    picked = front.picked(layout)
    lead_value = next((value for kind, value in layout if kind == "lead"), None)
    if lead_value is not None:
        front.settle_lead(lead_value, picked)
    done = {}
    if rendered is not None:
        done = rendered(list(enumerate(layout, 1)), front.lead_pk)
    left = [(kind, value) for number, (kind, value) in enumerate(layout, 1)
            if number not in done]  # fmt: skip
    in_sections = front.section_articles(left)

    blocks = []
    for number, (kind, value) in enumerate(layout, 1):
        if number in done:
            if done[number]:
                blocks.append({"kind": kind, "value": value, "number": number,
                               "articles": [], "rendered": done[number]})  # fmt: skip
            continue
        block = {"kind": kind, "value": value, "number": number, "articles": []}
        count = value.get("count") or LATEST_COUNT
        if kind == "lead":
            lead = front.lead_article()
            block["articles"] = [lead] if lead else []
        elif kind == "latest":
            query = front.without_lead().newest_first()
            block["articles"] = front.with_sections(query[:count])
        elif kind == "section":
            block["section"] = front.sections.get(value.get("section"))
            block["articles"] = in_sections.get(value.get("section"), [])[:count]
        elif kind == "most_read":
            block["articles"] = front.most_read(value)
        elif kind == "breaking":
            block["articles"] = current_breaking(None, count, within=front.published)
        elif kind == "collection":
            ids = value.get("articles") or []
            block["articles"] = [picked[pk] for pk in ids if pk in picked]
        elif kind == "custom_html":
            block["html"] = value.get("html") or ""
        if block["articles"] or block.get("html"):
            blocks.append(block)

    # One image query for the whole front page, whatever the number of blocks;
    # one for the opinion cards' columnists, when there is one (#20).
    shown = [article for block in blocks for article in block["articles"]]
    prefetch_related_objects(
        shown,
        Prefetch(
            "featured_image", queryset=images_with(renditions.LEAD + renditions.CARD)
        ),
    )
    attach_columnists(shown)
    return {"front_blocks": blocks, "lead": front.lead}
