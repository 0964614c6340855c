"""WordPress post content (Gutenberg or classic) → Nashra body blocks, no Django."""

from dataclasses import dataclass, field

from ..wxr.records import Problem
from .classic import classic_to_blocks
from .context import Context
from .gutenberg import gutenberg_to_blocks
from .links import internal_links, rewrite_links
from .sanitise import without_controls


@dataclass
class Conversion:
    blocks: list[dict]
    problems: list[Problem] = field(default_factory=list)
    # Links to the old site, for the importer to map to new pages.
    links: list[str] = field(default_factory=list)


def convert_content(raw: str, *, site_url: str) -> Conversion:
    """Convert one post's content:encoded to StreamField block dicts."""
    ctx = Context()
    raw = without_controls(raw)
    if "<!-- wp:" in raw or "<!-- /wp:" in raw:
        blocks = gutenberg_to_blocks(raw, ctx)
    else:
        blocks = classic_to_blocks(raw, ctx)
    return Conversion(blocks, ctx.problems, internal_links(blocks, site_url))


__all__ = ["Conversion", "Problem", "convert_content", "rewrite_links"]
