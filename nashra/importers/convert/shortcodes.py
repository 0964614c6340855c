"""WordPress shortcodes → blocks, left in the HTML as placeholders.

Shortcodes are replaced before wpautop so that each one stands on its own
paragraph, as WordPress renders them; unknown ones stay as text and are reported.
"""

import re

from .context import Context
from .tree import parse_fragment, text_of
from .values import block, embed, gallery, image_ref, image_value, parse_attachment_id

SHORTCODE = re.compile(
    r"\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]]*?)(/?)\](?:(.*?)\[/\2\])?(\]?)", re.DOTALL
)
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


def replace_shortcodes(text: str, ctx: Context) -> str:
    return SHORTCODE.sub(lambda match: _expand(match, ctx), text)


def _expand(match: re.Match, ctx: Context) -> str:
    opening_escape, name, raw_attrs, _, body, closing_escape = match.groups()
    if opening_escape and closing_escape:
        # [[gallery]] is WordPress's way to print a literal "[gallery]".
        return match.group(0)[1:-1]
    name = name.lower()
    attrs, positional = parse_attributes(raw_attrs)
    handler = _HANDLERS.get(name)
    made = handler(attrs, positional, body or "", ctx) if handler else None
    if made is None:
        if handler is None:
            ctx.note("unknown_shortcode", f"[{name[:40]}] kept as text")
        whole = match.group(0)[len(opening_escape) :]
        if body is None:
            return opening_escape + whole
        # Known shortcodes inside an unknown enclosing one still convert.
        head = whole[: match.start(5) - match.start(0) - len(opening_escape)]
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
    caption = attrs.get("caption") or text_of(root).replace("\n", " ")
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
    url = (body or attrs.get("src", "")).strip()
    return [embed(url)] if url.startswith(("http://", "https://")) else None


def _media(attrs, positional, body, ctx) -> list[dict] | None:
    candidates = [attrs.get(key, "") for key in MEDIA_SOURCES] + positional + [body]
    for candidate in candidates:
        candidate = candidate.strip()
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
