"""Builders for article body blocks, in the exact shape the demo loader expects.

Each helper returns ``{"type": …, "value": …}``, one StreamField block per call, so
the article modules read as prose rather than as nested dictionaries.
"""


def paragraph(html: str) -> dict:
    """A rich-text block; ``html`` is a single ``<p>``, ``<ul>`` or ``<ol>`` element."""
    return {"type": "paragraph", "value": html}


def heading(text: str, level: str = "h2") -> dict:
    """A subheading inside the article body."""
    return {"type": "heading", "value": {"text": text, "level": level}}


def image(key: str, *, caption: str, credit: str, alt: str) -> dict:
    """An inline picture; ``key`` names a picture rendered by ``nashra.demo.images``."""
    return {
        "type": "image",
        "value": {"image": key, "caption": caption, "credit": credit, "alt": alt},
    }


def pull_quote(text: str, attribution: str) -> dict:
    """A sentence lifted from the article and set large."""
    return {"type": "pull_quote", "value": {"text": text, "attribution": attribution}}


def quote(text: str, source: str) -> dict:
    """A quotation from a document or statement, with its source."""
    return {"type": "quote", "value": {"text": text, "source": source}}


def table(caption: str, rows: list[list[str]]) -> dict:
    """A data table whose first row holds the column headers."""
    return {
        "type": "table",
        "value": {
            "table_caption": caption,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": rows,
        },
    }


def separator() -> dict:
    """A horizontal rule between two parts of a long article."""
    return {"type": "separator", "value": None}
