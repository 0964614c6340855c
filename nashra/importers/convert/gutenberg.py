"""Gutenberg blocks → body blocks."""

from html import escape

from .blockparser import Block, parse_blocks
from .classic import classic_to_blocks
from .context import Context
from .elements import figcaption_text, html_to_blocks, media_url, quote
from .sanitise import clean_html
from .tree import parse_fragment, pre_text, text_of
from .values import attachment_id_of, block, embed, gallery, image_ref, image_value

# Layout-only wrappers: their inner blocks are the content.
FLATTEN = frozenset({"core/columns", "core/column", "core/group", "core/row"})
# Page breaks and spacing have no meaning in one-page articles.
DROPPED = frozenset({"core/more", "core/nextpage", "core/spacer"})
# Blocks whose saved HTML is already what the element mapping understands.
BY_HTML = frozenset(
    {
        "core/paragraph", "core/heading", "core/list", "core/list-item",
        "core/separator", "core/table", "core/code", "core/preformatted",
        "core/freeform", "core/video", "core/audio",
    }
)  # fmt: skip


def gutenberg_to_blocks(text: str, ctx: Context) -> list[dict]:
    return parts_to_blocks(parse_blocks(text, ctx), ctx)


def parts_to_blocks(parts: list, ctx: Context) -> list[dict]:
    out: list[dict] = []
    for part in parts:
        if isinstance(part, Block):
            out.extend(block_to_blocks(part, ctx))
        elif part.strip():
            # Freeform HTML between blocks is rendered like classic content.
            out.extend(classic_to_blocks(part, ctx))
    return out


def block_to_blocks(b: Block, ctx: Context) -> list[dict]:
    name = b.name
    if name in DROPPED:
        ctx.note("dropped", f"{name} dropped")
        return []
    if name in FLATTEN:
        return parts_to_blocks(b.parts, ctx)
    if name in BY_HTML:
        return html_to_blocks(b.html(), ctx)
    handler = HANDLERS.get(name)
    if handler is None and name.startswith("core-embed/"):
        handler = _embed
    if handler is not None:
        return handler(b, ctx)
    ctx.note("unknown_block", f"{name} kept as its content")
    if b.inner_blocks:
        return parts_to_blocks(b.parts, ctx)
    return html_to_blocks(b.html(), ctx)


def _image(b: Block, ctx: Context) -> list[dict]:
    value = _image_value(b)
    if value is None:
        ctx.note("image", "core/image without a source dropped")
        return []
    return [block("image", value)]


def _image_value(b: Block) -> dict | None:
    root = parse_fragment(b.html())
    img = root.find("img")
    wp_id = _integer(b.attrs.get("id"))
    if img is None:
        return None
    figure = root.find("figure")
    caption = figcaption_text(figure) if figure else ""
    value = image_value(img, caption=caption, wp_id=wp_id)
    image = value["image"]
    return value if image["src"] or image["wp_attachment_id"] else None


def _integer(value) -> int | None:
    # JSON true is a bool, and a bool is an int: it read as attachment 1 (#13).
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _gallery(b: Block, ctx: Context) -> list[dict]:
    inner = [_image_value(i) for i in b.inner_blocks if i.name == "core/image"]
    images = [value for value in inner if value]
    caption_root = parse_fragment(b.own_html())
    if not images:
        # Before WordPress 5.9 a gallery was one block with an "ids" list.
        caption_root = parse_fragment(b.html())
        ids = [n for n in _list(b.attrs.get("ids")) if _integer(n) is not None]
        imgs = caption_root.find_all("img")
        for index, img in enumerate(imgs):
            wp_id = attachment_id_of(img) or (ids[index] if index < len(ids) else None)
            images.append(image_value(img, wp_id=wp_id))
        if not imgs:
            images = [
                {"image": image_ref(n, ""), "caption": "", "credit": "", "alt": ""}
                for n in ids
            ]
    caption = ""
    for node in caption_root.find_all("figcaption"):
        if "blocks-gallery-caption" in node.classes or b.inner_blocks:
            caption = text_of(node).replace("\n", " ")
            break
    if not images:
        ctx.note("image", "core/gallery without images dropped")
        return []
    return [gallery(images, caption)]


def _embed(b: Block, ctx: Context) -> list[dict]:
    root = parse_fragment(b.html())
    url = b.attrs.get("url") if isinstance(b.attrs.get("url"), str) else ""
    if not url:
        url = next((w for w in text_of(root).split() if w.startswith("http")), "")
    if not url:
        ctx.note("embed", f"{b.name} without a URL dropped")
        return []
    figure = root.find("figure")
    return [embed(url, figcaption_text(figure) if figure else "")]


def _quote(b: Block, ctx: Context) -> list[dict]:
    node = parse_fragment(b.html()).find("blockquote")
    return [quote(node, pull=b.name == "core/pullquote")] if node else []


def _verse(b: Block, ctx: Context) -> list[dict]:
    node = parse_fragment(b.html()).find("pre")
    text = pre_text(node) if node else text_of(parse_fragment(b.html()))
    lines = [escape(line, quote=False) for line in text.strip("\n").split("\n")]
    return [block("paragraph", "<p>" + "<br>".join(lines) + "</p>")] if text else []


def _html(b: Block, ctx: Context) -> list[dict]:
    root = parse_fragment(b.html())
    embeds = [embed(url) for url in map(media_url, root.find_all("iframe")) if url]
    value = clean_html(b.html())
    return ([block("html", value)] if value else []) + embeds


def _shortcode(b: Block, ctx: Context) -> list[dict]:
    return classic_to_blocks(b.html(), ctx)


HANDLERS = {
    "core/image": _image,
    "core/gallery": _gallery,
    "core/embed": _embed,
    "core/quote": _quote,
    "core/pullquote": _quote,
    "core/verse": _verse,
    "core/html": _html,
    "core/shortcode": _shortcode,
}
