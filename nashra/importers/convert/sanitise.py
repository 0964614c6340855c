"""What the body may contain, enforced with nh3 (a Rust HTML sanitiser).

Scripts, styles, iframes, event handlers and javascript: URLs never survive:
tags outside the allow-list are unwrapped, and script/style lose their content.
"""

import re

import nh3

# RichText paragraph features (#7).
INLINE_TAGS = frozenset(
    {"p", "b", "strong", "i", "em", "a", "ul", "ol", "li", "br", "sub", "sup", "code"}
)
# The raw html block keeps structure, still without anything active.
HTML_TAGS = INLINE_TAGS | frozenset(
    {
        "h2", "h3", "h4", "blockquote", "pre", "hr", "div", "span", "figure",
        "figcaption", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "dl", "dt", "dd", "abbr", "cite", "q", "s", "del", "ins", "mark",
        "small", "u", "kbd", "samp", "var", "details", "summary",
    }
)  # fmt: skip
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


# Cleaners built once: nh3.clean() rebuilds its configuration on every
# call, which was most of the sanitiser's cost in a bulk import (#7).
_INLINE = nh3.Cleaner(
    tags=set(INLINE_TAGS),
    attributes={"a": {"href"}},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
_HTML = nh3.Cleaner(
    tags=set(HTML_TAGS),
    attributes={
        "a": {"href"},
        "img": {"src", "alt", "width", "height"},
        "td": {"colspan", "rowspan"},
        "th": {"colspan", "rowspan", "scope"},
        "abbr": {"title"},
    },
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)
_TEXT = nh3.Cleaner(tags=set())


# C0 and C1 controls and DEL, but tab, newline and carriage return: invalid
# in XML 1.0 (C0) and in HTML text, and a NUL would pass for the classic
# converter's own placeholders. Expat refuses C0 in an export, but C1 (a
# cp1252 export read as Latin-1: \x93 for a quote) reaches the body (#7).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Those that separate words or lines become what they separate with.
_SEPARATORS = str.maketrans({"\x0b": " ", "\x0c": " ", "\x85": "\n"})


def without_controls(text: str) -> str:
    """``text`` with no control character but tab and line breaks."""
    return _CONTROLS.sub("", text.translate(_SEPARATORS))


def clean_inline(html: str) -> str:
    return _INLINE.clean(html).strip()


def clean_html(html: str) -> str:
    return _HTML.clean(html).strip()


def paragraph_value(inner: str) -> str | None:
    """Sanitised "<p>…</p>", or None if nothing visible is left."""
    cleaned = clean_inline(f"<p>{inner}</p>")
    if cleaned in ("", "<p></p>") or not _has_content(cleaned):
        return None
    return cleaned


def _has_content(cleaned: str) -> bool:
    text = _TEXT.clean(cleaned).replace("&nbsp;", "").strip()
    return bool(text.strip("\u00a0 \n\t"))
