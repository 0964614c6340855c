"""Template tags of the default theme: head styles, ticker, counts, sharing."""

import re
from urllib.parse import quote

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext

from nashra.core.display import site_number
from nashra.text.reading import reading_minutes
from nashra.theme.fonts import get_typeface
from nashra.theme.style import colour_rules, font_preloads, font_rules

register = template.Library()
TICKER_SIZE = 8


def _theme(context):
    from nashra.theme.options import SiteTheme

    return context.get("theme") or SiteTheme()


def number(request, value):
    """``value`` in the site's digits (Western on English pages)."""
    return site_number(request, value)


@register.simple_tag(takes_context=True)
def theme_head(context):
    """Typeface, colours and favicon of the site, plus the reader's saved scheme."""
    theme = _theme(context)
    face = get_typeface(theme.typeface)
    rules = [font_rules(face, static), colour_rules(theme)]
    parts = [
        mark_safe(font_preloads(face, static)),  # noqa: S308  (static paths)
        format_html("<style>{}</style>", mark_safe("".join(rules))),  # noqa: S308
    ]
    if theme.favicon_url:
        parts.append(format_html('<link rel="icon" href="{}">', theme.favicon_url))
    # Before first paint, so a reader who chose dark never sees a white flash,
    # and with the `js` class the scheme button and the ticker are laid out
    # once, as they stay (#12).
    parts.append(
        mark_safe(
            "<script>document.documentElement.classList.replace('no-js','js');"
            "try{var s=localStorage.getItem('nashra-scheme');"
            "if(s==='light'||s==='dark')document.documentElement.dataset.scheme=s"
            "}catch(e){}</script>"
        )
    )
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308


@register.simple_tag(takes_context=True)
def count(context, n, singular, plural):
    """A count in Arabic's six plural forms, e.g. "٣ دقائق" (msgids in the caller)."""
    return ngettext(singular, plural, n) % {"count": number(context.get("request"), n)}


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
    them in a loop, from the fragment cache when it can (#8)."""
    return mark_safe(_article_body(context, page)[0])  # noqa: S308


# Rich text links and embeds whose output follows another row: a page link
# the linked page's address (its "page:<id>" group moves with it); any other
# kind (documents, media embeds) nothing the cache would hear of.
_TAG = re.compile(r"<(a|embed)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
BODY_LOOP = "{% load wagtailcore_tags %}{% for block in page.body %}{% include_block block %}{% endfor %}"


def _body_groups(page):
    """The groups a rendered body depends on, or None when one of its
    rich-text references is of a kind no group follows."""
    from nashra.pagecache import groups

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
    from nashra.core import fragments

    known = getattr(page, "_nashra_body", None)
    if known is not None:
        return known

    def build():
        loop = context.template.engine.from_string(BODY_LOOP)
        with context.push(page=page):
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
    from nashra.theme.breaking import ticker_html

    site = context.get("current_site")
    return ticker_html(site, context.get("request"), TICKER_SIZE) if site else ""


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Plain share links for an article: no third-party script or pixel."""
    request = context.get("request")
    url = quote(page.get_full_url(request) if request else page.full_url, safe="")
    title = quote(page.title, safe="")
    return [
        ("whatsapp", "WhatsApp", f"https://wa.me/?text={title}%20{url}"),
        ("telegram", "Telegram", f"https://t.me/share/url?url={url}&text={title}"),
        ("x", "X", f"https://x.com/intent/post?url={url}&text={title}"),
        ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("email", None, f"mailto:?subject={title}&body={url}"),
    ]


@register.simple_tag
def social_icon(network):
    """A tiny inline SVG mark (initial letter) so no icon font is fetched."""
    letters = {"facebook": "f", "x": "X", "instagram": "IG", "youtube": "▶",
               "telegram": "✈", "whatsapp": "W", "tiktok": "♪", "linkedin": "in",
               "rss": "RSS", "email": "@"}  # fmt: skip
    return format_html(
        '<span class="icon icon--{}" aria-hidden="true">{}</span>',
        network,
        letters.get(network, "•"),
    )


def _rendered_name(kind, context, page):
    """Fragment name of a piece of ``page``'s HTML: it also depends on the
    site (links, date and digit options), the theme and the language."""
    from wagtail.models import Site

    from nashra.theme.loaders import active_theme

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
    """The related-articles block (theme/related.html), cached (#8).

    Finding and rendering the cards was a fifth of an uncached article's CPU.
    The block shows live articles sharing the page's section or a tag, with
    their titles, images and comment counts: publishing, editing or
    unpublishing any of them bumps their section and tags (the groups the
    page cache keeps this page under), an image, tag or setting change bumps
    "site". Keyed on what else the HTML depends on: the site (links, date and
    digit options), theme and language.
    """
    from nashra.core import fragments
    from nashra.pagecache import groups

    def build():
        # As {% include %} renders it: in a pushed context.
        template = context.template.engine.get_template("theme/related.html")
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
    from nashra.articles.related import related

    return related(page, tag_ids=[tag.pk for tag in tags] if tags is not None else None)
