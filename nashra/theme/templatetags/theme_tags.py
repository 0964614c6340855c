"""Template tags of the default theme: head styles, counts, sharing."""

from urllib.parse import quote

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from nashra.core import csp
from nashra.core.display import site_number
from nashra.theme.fonts import get_typeface
from nashra.theme.style import colour_rules, font_preloads, font_rules

register = template.Library()


def _theme(context):
    from nashra.theme.options import SiteTheme

    return context.get("theme") or SiteTheme()


def number(request, value):
    """``value`` in the site's digits (Western on English pages)."""
    return site_number(request, value)


# Before first paint, so a reader who chose dark never sees a white flash,
# and with the `js` class the scheme button and the ticker are laid out
# once, as they stay (#12). The reader's text size (a step 0-4 of
# TEXT_SIZES, site.css) is set here too, so an article's body is laid out
# once at its size, never re-flowed after the page shows (#20).
EARLY_SCRIPT = (
    "document.documentElement.classList.replace('no-js','js');"
    "try{var s=localStorage.getItem('nashra-scheme');"
    "if(s==='light'||s==='dark')document.documentElement.dataset.scheme=s;"
    "var t=localStorage.getItem('nashra-text-size');"
    "if(/^[0-4]$/.test(t||''))document.documentElement.dataset.textSize=t"
    "}catch(e){}"
)
# The article body's text sizes, in % of the normal size (#20): step 1.
TEXT_SIZES = (90, 100, 115, 125, 140)
DEFAULT_TEXT_SIZE = 1


@register.simple_tag(takes_context=True)
def theme_head(context):
    """Typeface and colours of the site, plus the reader's saved scheme."""
    theme = _theme(context)
    face = get_typeface(theme.typeface)
    rules = "".join([font_rules(face, static), colour_rules(theme)])
    # Allowed by hash in the Content-Security-Policy of this response (#17).
    request = context.get("request")
    csp.allow_inline(request, "style", rules)
    csp.allow_inline(request, "script", EARLY_SCRIPT)
    parts = [
        mark_safe(font_preloads(face, static)),  # noqa: S308  (static paths)
        format_html("<style>{}</style>", mark_safe(rules)),  # noqa: S308
        mark_safe(f"<script>{EARLY_SCRIPT}</script>"),  # noqa: S308  (a constant)
    ]
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308


@register.simple_tag(takes_context=True)
def favicon_version(context):
    """The `?v=` of /favicon.ico: a new icon gets a new address (#12)."""
    from nashra.theme.favicon import version

    return version(_theme(context))


@register.simple_tag(takes_context=True)
def count(context, n, singular, plural):
    """A count in Arabic's six plural forms, e.g. "٣ دقائق" (msgids in the caller)."""
    return ngettext(singular, plural, n) % {"count": number(context.get("request"), n)}


def share_url(page, request=None):
    """The address a reader shares: the page's short form when it has one (an
    article's /a/<id>/, #18), else its readable URL."""
    short = getattr(page, "short_url", None)
    found = short(request) if callable(short) else None
    return found or page.get_full_url(request)


@register.simple_tag(takes_context=True)
def shared_address(context, page):
    """The absolute address the copy and share-sheet buttons give (#18)."""
    return share_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """Plain share links for an article: no third-party script or pixel."""
    url = quote(share_url(page, context.get("request")) or "", safe="")
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
