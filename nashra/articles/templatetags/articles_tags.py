"""Template tags of the article page: body, reading time, related stories,
and the breaking-news ticker, each from the fragment cache when it can (#8)."""

import re

import nh3
from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from wagtail.models import Site

from nashra.articles.blocks import SAFE_HTML_ATTRIBUTES, SAFE_HTML_TAGS
from nashra.articles.breaking import ticker_html
from nashra.articles.bylines import author_boxes, fill_bylines
from nashra.articles.contents import anchor_ids, table_of_contents
from nashra.articles.neighbours import neighbours
from nashra.articles.related import related
from nashra.core import fragments, groups, slots
from nashra.core.display import site_number
from nashra.core.templatetags.nashra_tags import isolate
from nashra.text.bylines import join_names, separators
from nashra.text.reading import reading_minutes
from nashra.theme.loaders import active_theme

register = template.Library()
TICKER_SIZE = 8


def number(request, value):
    """``value`` in the site's digits (Western on English pages)."""
    return site_number(request, value)


@register.simple_tag(takes_context=True)
def reading_time(context, page):
    """Reading time of an article, e.g. "دقيقتان" or "١١ دقيقة"."""
    minutes = _article_body(context, page)[1] if page.pk else None
    if minutes is None:
        minutes = reading_minutes(page.body_text())
    return minutes_text(context.get("request"), minutes)


@register.simple_tag(takes_context=True)
def article_body(context, page):
    """An article's body blocks rendered, as {% include_block %} renders
    them in a loop, from the fragment cache when it can (#8); then what
    higher apps place inside it (an ad after paragraph N, #20), outside the
    cache."""
    html = slots.rewritten("article_body", context, _article_body(context, page)[0])
    return mark_safe(html)  # noqa: S308


# What reading mode keeps of a rendered body (#20): its text and the
# captions of its pictures; pictures, players, forms and scripts go.
READING_TAGS = SAFE_HTML_TAGS - {"img"}
READING_ATTRIBUTES = {**SAFE_HTML_ATTRIBUTES, "*": {"dir", "lang", "id", "class"}}


@register.simple_tag(takes_context=True)
def reading_body(context, page):
    """The body's text for «وضع القراءة»: the same cached render as the
    article, before any higher app places an ad inside it."""
    html = nh3.clean(
        _article_body(context, page)[0],
        tags=READING_TAGS,
        attributes=READING_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )
    return mark_safe(html)  # noqa: S308  (nh3 output)


# Rich text links and embeds whose output follows another row: a page link
# the linked page's address (its "page:<id>" group moves with it); any other
# kind (documents, media embeds) nothing the cache would hear of.
_TAG = re.compile(r"<(a|embed)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
BODY_LOOP = "{% load wagtailcore_tags %}{% for block in page.body %}{% include_block block %}{% endfor %}"


def _body_groups(page):
    """The groups a rendered body depends on, or None when one of its
    rich-text references is of a kind no group follows."""
    found = {groups.SITE, groups.page(page.pk)}
    for block in page.body:
        source = getattr(block.value, "source", None)
        if not source or "<" not in source:
            continue
        for kind, attrs in _TAG.findall(source):
            values = dict(_ATTR.findall(attrs))
            linktype = values.get("linktype")
            if kind.lower() == "a" and linktype is None:
                continue
            if kind.lower() == "a" and linktype == "page" and values.get("id"):
                found.add(groups.page(values["id"]))
                continue
            return None
    return found


def _article_body(context, page):
    """(body HTML, reading minutes) of ``page``, once per request.

    Rendering the body (rich text expanded, then bidi-isolated) and reading
    it again for its length was an eighth of an uncached article's CPU. Both
    come from the body of the published revision, so the "page:<id>" group
    that publishing bumps keeps them exact, with "site" for images, settings
    and themes, and the group of each page a link points to (a move or
    unpublishing changes its address). Keyed on the site, theme and
    language too; previews and bodies with other references are rendered.
    """
    known = getattr(page, "_nashra_body", None)
    if known is not None:
        return known

    def build():
        loop = context.template.engine.from_string(BODY_LOOP)
        # Heading blocks take their ids from here (articles/blocks/heading.html).
        with context.push(page=page, heading_anchors=anchor_ids(page)):
            html = loop.render(context)
        return (str(html), reading_minutes(page.body_text()))

    found = _body_groups(page) if _shared_fragment(context, page) else None
    if found is None:
        known = build()
    else:
        known = fragments.cached(_rendered_name("body", context, page), found, build)
    page._nashra_body = known
    return known


def minutes_text(request, minutes):
    return ngettext("%(count)s minute read", "%(count)s minutes read", minutes) % {
        "count": number(request, minutes)
    }


@register.simple_tag(takes_context=True)
def breaking_ticker(context):
    """The breaking-news ticker: articles marked breaking, newest first.

    The same for every reader of a site, so rendered once and cached until
    an article or a breaking flag changes, or its first item expires (#8).
    """
    site = context.get("current_site")
    return ticker_html(site, context.get("request"), TICKER_SIZE) if site else ""


def _rendered_name(kind, context, page):
    """Fragment name of a piece of ``page``'s HTML: it also depends on the
    site (links, date and digit options), the theme and the language."""

    site = Site.find_for_request(context["request"])
    return (
        f"{kind}:{site.pk if site else ''}:{active_theme.get()}:"
        f"{get_language()}:{page.pk}"
    )


def _shared_fragment(context, page):
    """Whether a piece of ``page`` may come from the fragment cache: not in
    a preview, whose draft (tags, body) is not what readers see."""
    request = context.get("request")
    return (
        request is not None
        and page.pk is not None
        and not getattr(request, "is_preview", False)
    )


@register.simple_tag(takes_context=True)
def related_section(context, page, tags):
    """The related-articles block (articles/related.html), cached (#8).

    Finding and rendering the cards was a fifth of an uncached article's CPU.
    The block shows live articles sharing the page's section or a tag, with
    their titles, images and comment counts: publishing, editing or
    unpublishing any of them bumps their section and tags (the groups the
    page cache keeps this page under), an image, tag or setting change bumps
    "site". Keyed on what else the HTML depends on: the site (links, date and
    digit options), theme and language.
    """

    def build():
        # As {% include %} renders it: in a pushed context.
        template = context.template.engine.get_template("articles/related.html")
        with context.push():
            return template.render(context)

    if not _shared_fragment(context, page):
        return build()
    found = {groups.SITE, groups.page(page.pk), groups.section(page.section_id)}
    found.update(groups.tag(tag.slug) for tag in tags)
    name = _rendered_name("related", context, page)
    return mark_safe(fragments.cached(name, found, build))  # noqa: S308


@register.simple_tag
def related_articles(page, tags=None):
    """Related articles for the block under the body (nashra.articles.related)."""
    found = related(
        page, tag_ids=[tag.pk for tag in tags] if tags is not None else None
    )
    fill_bylines(found)  # the cards' bylines in one query (#20)
    return found


@register.simple_tag(takes_context=True)
def section_neighbours(context, page):
    """Links to the older and newer article of the section (#20), cached.

    A publish, unpublish or move of any article of the section bumps its
    "section:<id>" group, as for the related block; "site" for settings.
    """

    def build():
        older, newer = neighbours(page)
        if older is None and newer is None:
            return ""
        template = context.template.engine.get_template("articles/neighbours.html")
        with context.push(older=older, newer=newer):
            return template.render(context)

    if not _shared_fragment(context, page):
        return build()
    found = {groups.SITE, groups.page(page.pk), groups.section(page.section_id)}
    name = _rendered_name("neighbours", context, page)
    return mark_safe(fragments.cached(name, found, build))  # noqa: S308


@register.simple_tag(takes_context=True)
def heading_anchor(context):
    """The fragment id of the heading block being rendered, from
    ``heading_anchors``; none where a block renders outside the article page
    (the API, feeds), which has neither the anchors nor a bound ``block``."""
    anchors = context.get("heading_anchors")
    block = context.get("block")
    block_id = getattr(block, "id", None) or context.get("id")
    return anchors.get(block_id) if anchors and block_id else None


@register.inclusion_tag("articles/contents.html")
def article_contents(page):
    """The «محتويات المقال» list of a long piece (#20): no query, no script."""
    return {"entries": table_of_contents(page)}


@register.simple_tag(takes_context=True)
def article_author_boxes(context, page, authors):
    """One author box per byline name (#20), cached.

    Each box shows the author's row (an edit bumps "site") and their latest
    pieces: a publish or unpublish of any of them bumps "author:<slug>".
    """

    def build():
        boxes = author_boxes(page, authors)
        template = context.template.engine.get_template("articles/author_boxes.html")
        with context.push(boxes=boxes):
            return template.render(context)

    if not authors:
        return ""
    if not _shared_fragment(context, page):
        return build()
    found = {groups.SITE, groups.page(page.pk)}
    found.update(groups.author(author.slug) for author in authors)
    name = _rendered_name("authors", context, page)
    return mark_safe(fragments.cached(name, found, build))  # noqa: S308


@register.simple_tag
def byline_links(authors):
    """Every author of a byline linked to their page, joined as the language
    writes a list: «<a>أحمد</a> و<a>سلمى</a> و<a>خالد</a>» (#20)."""
    authors = [author for author in authors if author.name]
    if not authors:
        return ""
    between = separators([author.name for author in authors], get_language())
    parts = [_author_link(authors[0])]
    for gap, author in zip(between, authors[1:], strict=True):
        parts += [conditional_escape(gap), _author_link(author)]
    return mark_safe("".join(parts))  # noqa: S308  (each part escaped above)


def _author_link(author):
    return format_html(
        '<a rel="author" href="{}">{}</a>',
        author.get_absolute_url(),
        isolate(author.name),
    )


@register.filter
def byline_names(authors):
    """The authors' names as one phrase, for text without links (#20)."""
    return join_names([author.name for author in authors], get_language())
