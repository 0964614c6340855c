"""WordPress shortcodes → blocks, left in the HTML as placeholders.

Shortcodes are replaced before wpautop so that each one stands on its own
paragraph, as WordPress renders them; unknown ones stay as text and are reported.
"""

import re
from html import unescape

from .context import Context
from .tree import parse_fragment, text_of
from .values import block, embed, gallery, image_ref, image_value, parse_attachment_id

# The opening tag only; its closing tag is looked for separately. Attributes
# hold no "[" or "]" (WordPress's own rule): allowing "[" let an unclosed
# opener scan to the next "]" across the whole post, and the body's ".*?"
# rescanned the rest of the post for every opener, both quadratic (#13).
OPENING = re.compile(r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\[\]]*?)(/?)\]")
ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)"""
    r"""|"([^"]*)"|'([^']*)'|(\S+)"""
)
MEDIA_SOURCES = ("src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v", "webm", "ogv")


def parse_attributes(text: str) -> tuple[dict[str, str], list[str]]:
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in ATTRIBUTE.finditer(text):
        groups = match.groups()
        for name_at, value_at in ((0, 1), (2, 3), (4, 5)):
            if groups[name_at]:
                named[groups[name_at].lower()] = groups[value_at]
                break
        else:
            positional.append(next(g for g in groups[6:] if g is not None))
    return named, positional


class _Closers:
    """Where each shortcode's next closing tag is, searched once per name
    until passed, and never again once a name has none left."""

    def __init__(self, text: str):
        self.text = text
        self.found: dict[str, int] = {}

    def after(self, name: str, position: int) -> int:
        known = self.found.get(name)
        if known is None or (known >= 0 and known < position):
            known = self.text.find(f"[/{name}]", position)
            self.found[name] = known
        return known


def replace_shortcodes(text: str, ctx: Context) -> str:
    out: list[str] = []
    closers = _Closers(text)
    position = 0
    while match := OPENING.search(text, position):
        opening_escape, name, raw_attrs, _ = match.groups()
        end = match.end()
        body = None
        close_at = closers.after(name, end)
        if close_at >= 0:
            body = text[end:close_at]
            end = close_at + len(name) + 3
        closing_escape = "]" if text.startswith("]", end) else ""
        end += len(closing_escape)
        out.append(text[position : match.start()])
        head = match.group(0)[len(opening_escape) :]
        out.append(_expand(ctx, opening_escape, name, raw_attrs, head, body,
                           closing_escape))  # fmt: skip
        position = end
    out.append(text[position:])
    return "".join(out)


def _expand(ctx, opening_escape, name, raw_attrs, head, body, closing_escape) -> str:
    if opening_escape and closing_escape:
        # [[gallery]] is WordPress's way to print a literal "[gallery]".
        tail = "" if body is None else f"{body}[/{name}]"
        return head + tail
    name = name.lower()
    attrs, positional = parse_attributes(raw_attrs)
    handler = _HANDLERS.get(name)
    made = handler(attrs, positional, body or "", ctx) if handler else None
    if made is None:
        if handler is None:
            ctx.note("unknown_shortcode", f"[{name[:40]}] kept as text")
        if body is None:
            return opening_escape + head + closing_escape
        # Known shortcodes inside an unknown enclosing one still convert.
        return (
            opening_escape
            + head
            + replace_shortcodes(body, ctx)
            + f"[/{name}]"
            + closing_escape
        )
    return "\n\n" + ctx.placeholder(made) + "\n\n"


def _caption(attrs, positional, body, ctx) -> list[dict]:
    root = parse_fragment(body)
    img = root.find("img")
    if img is None:
        ctx.note("shortcode", "[caption] without an image kept as text")
        return [block("paragraph", f"<p>{text_of(root)}</p>")] if text_of(root) else []
    # Caption text is the body after the image, or the older caption="" attribute.
    _drop_images(root)
    # The attribute is HTML source like the body: "&amp;" and <a> tags in it.
    caption = attrs.get("caption", "")
    caption = text_of(parse_fragment(caption)) if caption else text_of(root)
    caption = caption.replace("\n", " ")
    wp_id = parse_attachment_id(attrs.get("id", ""))
    value = image_value(img, caption=caption.strip(), wp_id=wp_id)
    if value["image"]["wp_attachment_id"] is None:
        value["image"]["wp_attachment_id"] = image_value(img)["image"][
            "wp_attachment_id"
        ]
    return [block("image", value)]


def _drop_images(node) -> None:
    node.children = [
        child for child in node.children if getattr(child, "tag", None) != "img"
    ]
    for child in node.elements():
        _drop_images(child)


def _gallery(attrs, positional, body, ctx) -> list[dict]:
    ids = attrs.get("ids") or attrs.get("include") or ""
    numbers = [int(part) for part in re.findall(r"\d+", ids)]
    if not numbers:
        # No ids: WordPress shows the post's own attachments; the importer knows them.
        return [
            block("gallery", {"images": [], "caption": "", "post_attachments": True})
        ]
    images = [
        {"image": image_ref(n, ""), "caption": "", "credit": "", "alt": ""}
        for n in numbers
    ]
    return [gallery(images)]


def _embed(attrs, positional, body, ctx) -> list[dict] | None:
    # Shortcodes are read from HTML source, where "&" is written "&amp;" (#13).
    url = unescape((body or attrs.get("src", "")).strip())
    return [embed(url)] if url.startswith(("http://", "https://")) else None


def _media(attrs, positional, body, ctx) -> list[dict] | None:
    candidates = [attrs.get(key, "") for key in MEDIA_SOURCES] + positional + [body]
    for candidate in candidates:
        candidate = unescape(candidate.strip())
        if candidate.startswith(("http://", "https://")):
            return [embed(candidate)]
    ctx.note("shortcode", "[audio]/[video] without a source URL kept as text")
    return None


_HANDLERS = {
    "caption": _caption,
    "wp_caption": _caption,
    "gallery": _gallery,
    "embed": _embed,
    "audio": _media,
    "video": _media,
}
