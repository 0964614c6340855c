"""Readers' comments as plain text: clean on the way in, safe HTML on the way out (#3).

Comments are stored as the reader typed them (after :func:`clean_comment`) and
never as HTML: :func:`render_comment` builds the only markup a comment can
have (paragraphs, line breaks and links it found itself), so there is no
sanitiser to get wrong and nothing a reader writes can become a tag.
"""

import html
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit, urlunsplit

# Bidi controls let a reader reverse what others see ("gpj.exe" shown as
# "exe.jpg", a link that reads like another), and zero-width characters split
# a blocked word without showing it.
_ALWAYS_REMOVED = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    "\u200b\u2060\ufeff"
)
# ZWNJ is kept: Persian, Urdu and Kurdish names (and Arabic loanwords typed on
# Persian keyboards) need it to stop letters joining, so removing it misspells
# them. It cannot reorder text; the spam filter ignores it when matching.
_ZWNJ = "\u200c"
_ZWJ = "\u200d"
_LINE_BREAKS = {"\u0085": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_KEPT_CONTROLS = frozenset("\n\t")
# Categories a reader never needs: format (Cf), private use (Co), lone
# surrogates (Cs) and C0/C1 controls (Cc).
_REMOVED_CATEGORIES = frozenset({"Cf", "Co", "Cs", "Cc"})
_TABLE_LIMIT = 20_000


class _InvisibleTable(dict):
    """A ``str.translate`` table filled lazily, one code point at a time."""

    def __missing__(self, code: int):
        char = chr(code)
        if char in _LINE_BREAKS:
            value = _LINE_BREAKS[char]
        elif char in _KEPT_CONTROLS or char in (_ZWNJ, _ZWJ):
            value = char
        elif char in ("\v", "\f"):
            value = " "
        elif char in _ALWAYS_REMOVED:
            value = None
        elif unicodedata.category(char) in _REMOVED_CATEGORIES:
            value = None
        else:
            value = char
        # Bounded: a comment holding every code point must not grow each
        # worker's memory by a million entries.
        if len(self) < _TABLE_LIMIT:
            self[code] = value
        return value


_TABLE = _InvisibleTable()
# ZWJ builds emoji sequences (👩‍💻, 🏳️‍🌈); anywhere else it only hides things.
_EMOJI = "\u00a9\u00ae\u203c-\u3299\ufe0f\U0001f000-\U0001faff"
_STRAY_ZWJ = re.compile(f"(?<![{_EMOJI}]){_ZWJ}+|{_ZWJ}+(?![{_EMOJI}])")
_STRAY_ZWNJ = re.compile(rf"(?<!\w){_ZWNJ}+|{_ZWNJ}+(?!\w)")
_REPEATED_ZWNJ = re.compile(f"{_ZWNJ}{{2,}}")
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def neutralise_invisible(text: str) -> str:
    """Remove invisible and direction-changing characters, then NFC.

    Line breaks become ``\\n`` and tabs stay; ZWNJ stays between letters.

    >>> neutralise_invisible("كا\\u200bزينو\\r\\nرأي\\u202e")
    'كازينو\\nرأي'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TABLE)
    if _ZWJ in text:
        text = _STRAY_ZWJ.sub("", text)
    if _ZWNJ in text:
        text = _STRAY_ZWNJ.sub("", _REPEATED_ZWNJ.sub(_ZWNJ, text))
    return unicodedata.normalize("NFC", text)


def clean_comment(text: str, *, max_chars: int = 5000) -> str:
    """Return the comment as it will be stored: neutralised, trimmed, bounded.

    Trailing spaces go, and three or more line breaks in a row (more than one
    blank line) become one blank line, the paragraph break readers meant.
    Text past ``max_chars`` is cut; the form should refuse it before that.

    >>> clean_comment("  مقال ممتاز.\\n\\n\\n\\nشكراً  ")
    'مقال ممتاز.\\n\\nشكراً'
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    text = neutralise_invisible(text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _EXTRA_BLANK_LINES.sub("\n\n", text).strip()
    return text[:max_chars].rstrip()


# A link starts at http(s):// or www. not glued to a Latin word, a dot, a
# slash or an @ ("foo.www.x", "me@www.x"). Arabic letters may touch it, as in
# "الرابط:https://…". \S+ has a single way to match, so no backtracking.
_URL_START = r"(?<![A-Za-z0-9_./@-])(?:https?://|www\.)"
_URL = re.compile(_URL_START + r"[^\s<>\"`]+", re.IGNORECASE)
# Punctuation that ends a sentence, not a URL, in Arabic and Latin text.
_TRAILING_PUNCTUATION = frozenset(".,،؛؟!?:;'\"»”’)]}>…")
_CLOSERS = {")": "(", "]": "["}
_MAX_DISPLAY = 60
# Letters (Arabic domains included), digits and hyphens, with at least one dot.
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+\.?")
# RFC 3986 reserved + unreserved characters and "%"; anything else (non-ASCII
# letters of an Arabic slug, quotes) is percent-encoded in the href.
_HREF_SAFE = "-._~:/?#[]@!$&'()*+,;=%"


def _trim_url(candidate: str) -> str:
    """Drop trailing punctuation, keeping a ")" that closes a "(" in the URL."""
    opened = {opener: candidate.count(opener) for opener in _CLOSERS.values()}
    closed = {closer: candidate.count(closer) for closer in _CLOSERS}
    end = len(candidate)
    while end and candidate[end - 1] in _TRAILING_PUNCTUATION:
        char = candidate[end - 1]
        if char in _CLOSERS and closed[char] <= opened[_CLOSERS[char]]:
            break
        if char in closed:
            closed[char] -= 1
        end -= 1
    return candidate[:end]


def _link_target(url: str) -> str | None:
    """Return the absolute http(s) URL for a found link, or None if unsafe."""
    absolute = url if "://" in url else "https://" + url
    try:
        parts = urlsplit(absolute)
        parts.port  # noqa: B018 -- raises ValueError for a malformed port
    except ValueError:
        return None
    host = parts.hostname or ""
    # user-info ("https://bank.example@evil.example") is a classic phishing
    # disguise; a backslash is read as "/" by browsers but not by us.
    if "@" in parts.netloc or "\\" in absolute or not _HOST.fullmatch(host):
        return None
    return absolute


def _display_text(url: str) -> str:
    """Readable link text: Arabic slugs decoded, long URLs shortened."""
    shown = url
    if "%" in url:
        try:
            decoded = unquote(url, errors="strict")
        except UnicodeDecodeError:
            decoded = url
        # A percent-encoded RLO or space must not sneak back in through here.
        if neutralise_invisible(decoded) == decoded and not any(
            char.isspace() for char in decoded
        ):
            shown = decoded
    if len(shown) > _MAX_DISPLAY:
        shown = shown[: _MAX_DISPLAY - 1] + "…"
    return shown


def _link_html(url: str, target: str) -> str:
    href = html.escape(quote(target, safe=_HREF_SAFE), quote=True)
    text = html.escape(_display_text(url), quote=True)
    # <bdi dir="ltr"> keeps the URL in one left-to-right run, so it neither
    # reorders nor is reordered by the Arabic sentence around it.
    return (
        f'<bdi dir="ltr"><a href="{href}" rel="nofollow ugc noopener">{text}</a></bdi>'
    )


def _render_line(line: str) -> str:
    pieces = []
    position = 0
    for match in _URL.finditer(line):
        url = _trim_url(match.group())
        target = _link_target(url) if url else None
        if target is None:
            continue
        pieces.append(html.escape(line[position : match.start()], quote=True))
        pieces.append(_link_html(url, target))
        position = match.start() + len(url)
    pieces.append(html.escape(line[position:], quote=True))
    return "".join(pieces)


_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")


def render_comment(text: str) -> str:
    """Return the comment as safe HTML: escaped text, <p>, <br> and links.

    Only http(s) and www. links are made, each with rel="nofollow ugc noopener"
    and isolated with <bdi dir="ltr">. Runs in linear time.

    >>> render_comment("اقرأ https://example.com/a، ثم علّق")
    '<p>اقرأ <bdi dir="ltr"><a href="https://example.com/a" \
rel="nofollow ugc noopener">https://example.com/a</a></bdi>، ثم علّق</p>'
    """
    text = neutralise_invisible(text).strip()
    if not text:
        return ""
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        lines = [_render_line(line.strip()) for line in paragraph.split("\n")]
        paragraphs.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(paragraphs)


def count_links(text: str) -> int:
    """Count the links :func:`render_comment` would make in ``text``.

    >>> count_links("مصدران: https://a.example و www.b.example.")
    2
    """
    text = neutralise_invisible(text)
    count = 0
    for match in _URL.finditer(text):
        url = _trim_url(match.group())
        if url and _link_target(url) is not None:
            count += 1
    return count


_MAX_WEBSITE = 200


def safe_website(url: str) -> str | None:
    """Return a commenter's website as a normalised http(s) URL, or None.

    Refused: other schemes (javascript:, data:), relative URLs, user-info,
    spaces or control characters, hosts without a dot, more than 200 chars.
    A bare "www." address gets https://.

    >>> safe_website("  HTTPS://Example.COM/عن-الموقع ")
    'https://example.com/%D8%B9%D9%86-%D8%A7%D9%84%D9%85%D9%88%D9%82%D8%B9'
    >>> safe_website("javascript:alert(1)") is None
    True
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > _MAX_WEBSITE:
        return None
    if any(char.isspace() or unicodedata.category(char)[0] == "C" for char in url):
        return None
    if url.lower().startswith("www."):
        url = "https://" + url
    if not re.match(r"https?://", url, re.IGNORECASE):
        return None
    if _link_target(url) is None:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    normalised = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=_HREF_SAFE),
            quote(parts.query, safe=_HREF_SAFE),
            quote(parts.fragment, safe=_HREF_SAFE),
        )
    )
    return normalised if len(normalised) <= _MAX_WEBSITE * 3 else None
