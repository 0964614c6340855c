"""Parses Gutenberg's block comments into a tree.

A block is ``<!-- wp:name {json} -->inner<!-- /wp:name -->`` or self-closing
``<!-- wp:name {json} /-->``; names without a namespace are ``core/…``.
"""

import json
import re
from dataclasses import dataclass, field

from .context import Context

DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)"
    # Attributes end before the next "<!--": Gutenberg escapes "<" and "--"
    # inside them, and an unbounded ".*?" rescanned the rest of the post at
    # every unterminated opener, quadratic in hostile content (#13).
    r"\s+(?P<attrs>\{(?:[^<]|<(?!!--))*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)


@dataclass
class Block:
    name: str
    attrs: dict
    # Strings of HTML interleaved with inner blocks, in document order.
    parts: list = field(default_factory=list)

    @property
    def inner_blocks(self) -> list["Block"]:
        return [part for part in self.parts if isinstance(part, Block)]

    def html(self) -> str:
        """The block's own HTML with inner blocks' HTML in place."""
        return "".join(p.html() if isinstance(p, Block) else p for p in self.parts)

    def own_html(self) -> str:
        """The block's HTML without its inner blocks (e.g. a gallery's caption)."""
        return "".join(p for p in self.parts if isinstance(p, str))


def full_name(name: str) -> str:
    return name if "/" in name else "core/" + name


def parse_blocks(text: str, ctx: Context) -> list:
    """Top-level parts: freeform HTML strings and Blocks."""
    root = Block("#root", {})
    stack = [root]
    position = 0
    for match in DELIMITER.finditer(text):
        if match.start() > position:
            stack[-1].parts.append(text[position : match.start()])
        position = match.end()
        name = full_name(match.group("name"))
        if match.group("closer"):
            _close(stack, name, ctx)
            continue
        made = Block(name, _attrs(match.group("attrs"), name, ctx))
        stack[-1].parts.append(made)
        if not match.group("void"):
            stack.append(made)
    if position < len(text):
        stack[-1].parts.append(text[position:])
    for unclosed in stack[1:]:
        ctx.note("block", f"{unclosed.name} not closed; read to the end")
    return root.parts


def _close(stack: list[Block], name: str, ctx: Context) -> None:
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].name == name:
            for unclosed in stack[depth + 1 :]:
                ctx.note("block", f"{unclosed.name} not closed before {name}")
            del stack[depth:]
            return
    ctx.note("block", f"closing {name} without an opening, ignored")


def _attrs(raw: str | None, name: str, ctx: Context) -> dict:
    if not raw:
        return {}
    try:
        attrs = json.loads(raw)
    except (ValueError, RecursionError):
        # RecursionError: JSON nested deeper than the parser's stack (#13).
        ctx.note("block", f"{name}: attributes are not JSON, ignored")
        return {}
    return attrs if isinstance(attrs, dict) else {}
