"""Constructors for Nashra's body block values (StreamField JSON shape)."""

import re

from .tree import Node, text_of

WP_IMAGE_CLASS = re.compile(r"^wp-image-(\d+)$")
ATTACHMENT_ID = re.compile(r"(\d+)$")
HEADING_LEVELS = {
    "h1": "h2",
    "h2": "h2",
    "h3": "h3",
    "h4": "h4",
    "h5": "h4",
    "h6": "h4",
}


def block(kind: str, value) -> dict:
    return {"type": kind, "value": value}


def heading(text: str, tag: str) -> dict:
    return block("heading", {"text": text, "level": HEADING_LEVELS.get(tag, "h2")})


def image_ref(wp_attachment_id: int | None, src: str) -> dict:
    """What the importer resolves to a Wagtail image: id first, URL second."""
    return {"wp_attachment_id": wp_attachment_id, "src": src}


def image_value(img: Node, *, caption: str = "", wp_id: int | None = None) -> dict:
    if wp_id is None:
        wp_id = attachment_id_of(img)
    src = img.attrs.get("src") or img.attrs.get("data-src", "")
    return {
        "image": image_ref(wp_id, src.strip()),
        "caption": caption,
        "credit": "",
        "alt": img.attrs.get("alt", "").strip(),
    }


def attachment_id_of(img: Node) -> int | None:
    for name in ("data-id", "data-attachment-id"):
        # isdecimal, not isdigit: "²" is a digit that int() refuses (#13).
        if img.attrs.get(name, "").isdecimal():
            return int(img.attrs[name])
    for css_class in img.classes:
        match = WP_IMAGE_CLASS.match(css_class)
        if match:
            return int(match.group(1))
    return None


def parse_attachment_id(text: str) -> int | None:
    """ "attachment_612" (caption shortcode) or "612" → 612."""
    match = ATTACHMENT_ID.search(text.strip())
    return int(match.group(1)) if match else None


def gallery(images: list[dict], caption: str = "") -> dict:
    return block("gallery", {"images": images, "caption": caption})


def embed(url: str, caption: str = "") -> dict:
    return block("embed", {"url": url.strip(), "caption": caption})


def table(node: Node, caption: str = "") -> dict | None:
    rows = []
    header = False
    for index, tr in enumerate(node.find_all("tr")):
        cells = [cell for cell in tr.elements() if cell.tag in ("td", "th")]
        if index == 0:
            header = bool(cells) and all(cell.tag == "th" for cell in cells)
        rows.append([text_of(cell) for cell in cells])
    if not rows:
        return None
    if node.find("thead"):
        header = True
    width = max(len(row) for row in rows)
    data = [row + [""] * (width - len(row)) for row in rows]
    caption_node = node.find("caption")
    if not caption and caption_node:
        caption = text_of(caption_node)
    return block(
        "table",
        {
            "table_caption": caption,
            "first_row_is_table_header": header,
            "first_col_is_header": False,
            "data": data,
        },
    )


def code(text: str, language: str = "") -> dict:
    return block("code", {"language": language, "code": text.strip("\n")})


def language_of(*nodes: Node | None) -> str:
    for node in nodes:
        if node is None:
            continue
        if node.attrs.get("lang"):
            return node.attrs["lang"].strip()
        for css_class in node.classes:
            if css_class.startswith(("language-", "lang-")):
                return css_class.split("-", 1)[1]
    return ""
