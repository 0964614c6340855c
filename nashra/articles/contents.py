"""An article's table of contents, from its heading blocks (#20)."""

from nashra.text.anchors import anchors

# Sub-headings that make a piece long enough for a table of contents.
MIN_HEADINGS = 3
LEVELS = ("h2", "h3")
# Ids the article page already gives to its own parts.
TAKEN = frozenset({
    "top", "main", "contents", "contents-heading", "comments", "comments-title",
    "respond", "related-heading", "notes-heading", "newsletter-title",
    "ticker-label", "ad-consent-title", "prayer-widget-title", "site-search-q",
})  # fmt: skip


def headings(page):
    """[(block id, anchor, text, level)] of the page's h2/h3 heading blocks,
    in order; the same ids on every render of the same body."""
    known = getattr(page, "_nashra_headings", None)
    if known is not None:
        return known
    found = [
        (block.id, block.value["text"], block.value["level"])
        for block in page.body
        if block.block_type == "heading" and block.value["level"] in LEVELS
    ]
    ids = anchors([text for _, text, _ in found], taken=TAKEN)
    known = [
        (block_id, anchor, text, level)
        for (block_id, text, level), anchor in zip(found, ids, strict=True)
    ]
    page._nashra_headings = known
    return known


def anchor_ids(page):
    """{block id: anchor} for the heading template."""
    return {block_id: anchor for block_id, anchor, _, _ in headings(page)}


def table_of_contents(page):
    """The entries of the «محتويات المقال» list, or [] for a short piece."""
    found = headings(page)
    return found if len(found) >= MIN_HEADINGS else []
