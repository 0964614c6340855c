"""Classic-editor content: shortcodes, oEmbed lines and wpautop, then blocks.

Classic posts store paragraphs as blank lines, not <p> tags; WordPress adds
the tags when rendering (wpautop). This is an equivalent written for the
importer: the same paragraphs and line breaks, never inside pre/table/lists.
"""

import re
from html import unescape

from .context import Context
from .elements import html_to_blocks
from .shortcodes import replace_shortcodes
from .values import embed

BLOCK_TAGS = (
    "address|article|aside|blockquote|caption|center|col|colgroup|dd|details|div|dl|dt"
    "|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p"
    "|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|audio|video|object|embed"
    "|script|style|nashra-placeholder"
)
OPENING_BLOCK = re.compile(rf"(<(?:{BLOCK_TAGS})(?:\s[^>]*)?/?>)", re.IGNORECASE)
CLOSING_BLOCK = re.compile(rf"(</(?:{BLOCK_TAGS})>)", re.IGNORECASE)
STARTS_WITH_BLOCK = re.compile(rf"^<(?:/)?(?:{BLOCK_TAGS})\b", re.IGNORECASE)
PRESERVED_OPEN = re.compile(r"<(pre|script|style|table)\b", re.IGNORECASE)
# WordPress's autoembed: a URL alone on its line becomes an embed.
URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.MULTILINE)
# The marker's own text ("<!--more Read on-->") holds no "<" or ">", so an
# opener without an end stops at the next tag instead of the line's end:
# ".*?" made a line of openers quadratic (#13).
MORE = re.compile(r"<!--\s*(more|nextpage)\b[^<>]*?-->", re.IGNORECASE)


def classic_to_blocks(text: str, ctx: Context) -> list[dict]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for match in MORE.finditer(text):
        ctx.note("dropped", f"<!--{match.group(1).lower()}--> marker dropped")
    text = MORE.sub("\n\n", text)
    text, kept = _protect(text)
    text = replace_shortcodes(text, ctx)
    # The line is HTML source: "&amp;" in it is "&" in the address (#13).
    text = URL_LINE.sub(
        lambda m: "\n\n" + ctx.placeholder([embed(unescape(m.group(1)))]), text
    )
    return html_to_blocks(_restore(autop(text), kept), ctx)


def autop(text: str) -> str:
    """Blank lines → <p>, single newlines → <br>, block tags left alone."""
    # As wpautop: break before an opening block tag and after a closing one,
    # so "<li>text</li>" stays one chunk and its text is not wrapped in <p>.
    text = OPENING_BLOCK.sub(r"\n\n\1", text)
    text = CLOSING_BLOCK.sub(r"\1\n\n", text)
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text)]
    out = []
    for chunk in chunks:
        if not chunk:
            continue
        if STARTS_WITH_BLOCK.match(chunk) or chunk.startswith("\x00"):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def _protect(text: str) -> tuple[str, list[str]]:
    """Hide pre/table/script bodies so their newlines stay as written.

    Each element runs to the first closing tag of its name; a name with no
    closing tag left is not searched for again, so thousands of unclosed
    <pre> cost one scan, not one each (#13).
    """
    kept: list[str] = []
    out: list[str] = []
    unclosed: set[str] = set()
    position = 0
    while match := PRESERVED_OPEN.search(text, position):
        tag = match.group(1).lower()
        closing = None
        if tag not in unclosed:
            closing = re.compile(f"</{tag}>", re.IGNORECASE).search(text, match.end())
        if closing is None:
            unclosed.add(tag)
            out.append(text[position : match.end()])
            position = match.end()
            continue
        end = closing.end()
        kept.append(text[match.start() : end])
        out.append(text[position : match.start()])
        out.append(f"\n\n\x00{len(kept) - 1}\x00\n\n")
        position = end
    out.append(text[position:])
    return "".join(out), kept


def _restore(text: str, kept: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)
