"""HTML elements → body blocks. Used for classic posts and inside Gutenberg blocks."""

from .context import Context
from .sanitise import clean_html, clean_inline, paragraph_value
from .tree import Node, parse_fragment, pre_text, text_of, to_html
from .values import (
    block,
    code,
    embed,
    gallery,
    heading,
    image_value,
    language_of,
    table,
)

INLINE = frozenset(
    "a abbr b bdi bdo br cite code del dfn em font i ins kbd mark q s samp small span"
    " strike strong sub sup time tt u var wbr label".split()
)
DROPPED = frozenset(
    "script style noscript template form input button select textarea link meta"
    " head title".split()
)
MEDIA = frozenset({"iframe", "video", "audio", "embed", "object"})
PLACEHOLDER = "nashra-placeholder"


def html_to_blocks(html: str, ctx: Context) -> list[dict]:
    return nodes_to_blocks(parse_fragment(html).children, ctx)


def nodes_to_blocks(children: list, ctx: Context) -> list[dict]:
    blocks: list[dict] = []
    run: list = []
    for child in children:
        if isinstance(child, str) or (child.tag in INLINE and not _has_media(child)):
            run.append(child)
            continue
        _flush(run, blocks, ctx)
        run = []
        blocks.extend(element_to_blocks(child, ctx))
    _flush(run, blocks, ctx)
    return blocks


def _flush(run: list, blocks: list[dict], ctx: Context) -> None:
    if run:
        inner = "".join(to_html(node) for node in run)
        # Whitespace between blocks never makes a paragraph: skip nh3.
        value = paragraph_value(inner) if inner.strip() else None
        if value:
            blocks.append(block("paragraph", value))


def _has_media(node: Node) -> bool:
    return bool(node.find("img", PLACEHOLDER, *MEDIA))


def element_to_blocks(node: Node, ctx: Context) -> list[dict]:
    tag = node.tag
    if tag == PLACEHOLDER:
        return ctx.placeholders.get(node.attrs.get("data-key", ""), [])
    if tag in DROPPED:
        if tag in ("script", "style"):
            ctx.note("dropped", f"<{tag}> removed")
        return []
    if tag == "p":
        return _paragraph(node, ctx)
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = text_of(node).replace("\n", " ")
        images = [block("image", image_value(img)) for img in node.find_all("img")]
        return images + ([heading(text, tag)] if text else [])
    if tag in ("ul", "ol"):
        images = [block("image", image_value(img)) for img in node.find_all("img")]
        value = clean_inline(to_html(node))
        return images + ([block("paragraph", value)] if text_of(node) else [])
    if tag == "blockquote":
        return [quote(node)]
    if tag == "figure":
        return figure(node, ctx)
    if tag == "table":
        made = table(node)
        return [made] if made else []
    if tag == "pre":
        return [code(pre_text(node), language_of(node.find("code"), node))]
    if tag == "hr":
        return [block("separator", None)]
    if tag == "img":
        return [block("image", image_value(node))] if _src(node) else []
    if tag in MEDIA:
        url = media_url(node)
        return [embed(url)] if url else []
    if tag in ("dl", "details"):
        value = clean_html(to_html(node))
        return [block("html", value)] if value else []
    if tag in INLINE:
        # Inline element holding media: split the media out, keep the text.
        return _paragraph(node, ctx)
    # div, section, center and unknown containers: their content, flattened.
    return nodes_to_blocks(node.children, ctx)


def _src(img: Node) -> str:
    return img.attrs.get("src") or img.attrs.get("data-src", "")


def _paragraph(node: Node, ctx: Context) -> list[dict]:
    if node.find(PLACEHOLDER, *MEDIA, "table", "pre", "figure"):
        return nodes_to_blocks(node.children, ctx)
    images = [block("image", image_value(img)) for img in node.find_all("img")]
    value = paragraph_value("".join(to_html(child) for child in node.children))
    return images + ([block("paragraph", value)] if value else [])


def quote(node: Node, *, pull: bool = False) -> dict:
    cite = node.find("cite")
    source = text_of(cite) if cite else ""
    if cite is not None:
        _remove(node, cite)
    text = text_of(node)
    if pull:
        return block("pull_quote", {"text": text, "attribution": source})
    return block("quote", {"text": text, "source": source})


def _remove(root: Node, target: Node) -> None:
    for child in root.elements():
        if child is target:
            root.children.remove(child)
            return
        _remove(child, target)


def figcaption_text(node: Node) -> str:
    for child in node.elements():
        if child.tag == "figcaption":
            return text_of(child).replace("\n", " ")
    return ""


def figure(node: Node, ctx: Context) -> list[dict]:
    caption = figcaption_text(node)
    if node.find("table"):
        made = table(node.find("table"), caption)
        return [made] if made else []
    quote_node = node.find("blockquote")
    if quote_node:
        return [quote(quote_node, pull="wp-block-pullquote" in node.classes)]
    if node.find(*MEDIA):
        url = media_url(node.find(*MEDIA))
        return [embed(url, caption)] if url else []
    images = [img for img in node.find_all("img") if _src(img)]
    if len(images) == 1:
        return [block("image", image_value(images[0], caption=caption))]
    if images:
        return [gallery([image_value(img) for img in images], caption)]
    if "wp-block-embed" in node.classes:
        url = text_of(node).split("\n")[0]
        return [embed(url, caption)] if url.startswith("http") else []
    return nodes_to_blocks(node.children, ctx)


def media_url(node: Node) -> str:
    src = node.attrs.get("src") or node.attrs.get("data") or ""
    if not src:
        source = node.find("source")
        src = source.attrs.get("src", "") if source else ""
    src = src.strip()
    if src.startswith("//"):
        src = "https:" + src
    return src if src.startswith(("http://", "https://")) else ""
