"""A slot's markup: its reserved box, the house ad or the ad code held in a
<template> that ads.js runs once the page has loaded (#20).

The box gets its size from a <style> block the page's security policy
allows by hash (style="" attributes are refused), and the code's hosts and
inline scripts are added to the same response's policy.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.models import Site

from nashra.ads import placing
from nashra.ads.slots import configured
from nashra.ads.slots import consent_banner as asks
from nashra.core import csp

# What a page template must hold for its slots: request, page.
RENDERED = "_ads_rendered"
# Set when a slot on the page waits for the reader's consent.
CONSENT = "_ads_consent"


def _sections(page):
    """The page itself (a section page) and its section (an article)."""
    if page is None:
        return set()
    return {page.pk, getattr(page, "section_id", None)} - {None}


def enabled(context):
    page = context.get("page")
    return not context.get("minimal") and getattr(page, "show_ads", True) is not False


def size_rule(slot):
    """The CSS that reserves the slot's box before anything loads in it."""
    own = f'[data-ad-slot="{slot["name"]}"]'
    width, height = slot["width"], slot["height"]
    rules = [
        f"{own}{{display:flow-root;margin-block:1rem;text-align:center}}",
        f"{own} .ad-slot__label{{display:block;block-size:1.25rem;"
        f"font-size:.75rem;line-height:1.25rem}}",
        f"{own} .ad-slot__box{{margin-inline:auto;overflow:hidden;"
        f"inline-size:min(100%,{width}px)}}",
    ]
    if slot["kind"] == "house":
        # The image scales down on narrow screens, keeping its proportions.
        rules.append(f"{own} .ad-slot__box{{aspect-ratio:{width}/{height}}}")
        rules.append(f"{own} img{{display:block;inline-size:100%;block-size:100%;"
                     f"object-fit:contain}}")  # fmt: skip
    else:
        # Network code draws at its own size: a fixed box it cannot grow.
        rules.append(f"{own} .ad-slot__box{{block-size:{height}px}}")
    if slot["placement"] == "sticky_footer":
        # On phones only, over a gap of its own height kept under the footer.
        rules.append(
            f"{own}{{position:fixed;inset-inline:0;inset-block-end:0;z-index:20;"
            f"margin:0;background:Canvas;padding-block:.25rem}}"
            f"@media (min-width:48em){{{own}{{display:none}}}}"
            f"@media (max-width:47.99em){{body{{padding-block-end:"
            f"calc({height}px + 2rem)}}}}"
        )
    return "".join(rules)


def render_slots(context, placement, position=None):
    if not enabled(context):
        return ""
    request = context.get("request")
    chosen = placing.choose(
        configured(),
        placement,
        timezone.now(),
        _sections(context.get("page")),
        position,
    )
    parts = []
    for slot in chosen:
        style = size_rule(slot)
        csp.allow_inline(request, "style", style)
        if slot["kind"] == "code":
            for directive, origins in placing.sources(
                slot["code"], slot["hosts"]
            ).items():
                csp.allow_sources(request, directive, origins)
            for digest in placing.inline_scripts(slot["code"]):
                csp.allow_sources(request, "script-src", [digest])
        elif slot["image"] and "//" in slot["image"]:
            csp.allow_sources(request, "img-src", [placing.origin(slot["image"])])
        parts.append(
            render_to_string("ads/slot.html", {"slot": slot, "style": style}, request)
        )
    if parts and request is not None:
        setattr(request, RENDERED, True)
        if any(slot.get("sets_cookies") for slot in chosen):
            setattr(request, CONSENT, True)
    return mark_safe("".join(parts))  # noqa: S308  (our template; code is trusted staff's)


def in_body(context, html):
    """The article body with its in-body slots after their paragraphs."""
    if not enabled(context):
        return html
    positions = sorted(
        {s["position"] for s in configured() if s["placement"] == "in_body"},
        reverse=True,  # from the end, so earlier paragraphs keep their numbers
    )
    for position in positions:
        # A short article without that paragraph gets no slot, nor its policy.
        if placing.after_paragraph(html, position, "\0") == html:
            continue
        markup = render_slots(context, "in_body", position)
        if markup:
            html = placing.after_paragraph(html, position, markup)
    return html


BANNER_STYLE = (
    ".ad-consent{position:fixed;inset-inline:0;inset-block-end:0;z-index:30;"
    "background:Canvas;color:CanvasText;border-block-start:2px solid;"
    "padding:1rem;max-block-size:60vh;overflow:auto}"
    ".ad-consent[hidden]{display:none}"
    ".ad-consent__title{font-size:1.1rem;margin:0 0 .5rem}"
    ".ad-consent p{margin:0 0 .75rem}"
    ".ad-consent__actions{display:flex;flex-wrap:wrap;gap:.75rem}"
    ".ad-consent button{min-block-size:44px;min-inline-size:8rem;font:inherit;"
    "cursor:pointer}"
)


def consent_banner(context):
    """The consent banner, hidden until ads.js finds the reader has not chosen;
    only on a page whose slots wait for consent, on a site that asks it."""
    request = context.get("request")
    if not getattr(request, CONSENT, False):
        return ""
    site = Site.find_for_request(request)
    if site is None or not asks(site):
        return ""
    csp.allow_inline(request, "style", BANNER_STYLE)
    return render_to_string("ads/consent.html", {"style": BANNER_STYLE}, request)
