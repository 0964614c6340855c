"""A small forgiving HTML tree, enough to map post HTML to blocks.

The standard library parser keeps the importer free of C dependencies; post
HTML is fragment soup, so unmatched closing tags are ignored rather than fatal.
"""

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Opening one of these closes an open <p>, as browsers do.
CLOSES_P = frozenset(
    "address article aside blockquote details div dl fieldset figcaption figure footer"
    " form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul"
    " nashra-placeholder".split()
)
# Deeper elements are unwrapped into their ancestor at this depth: the
# converter walks the tree recursively, and a post nesting a thousand <div>s
# lost its text to a RecursionError (#13). Real posts nest a few dozen deep.
MAX_DEPTH = 100


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    def elements(self) -> list["Node"]:
        return [child for child in self.children if isinstance(child, Node)]

    def find_all(self, *tags: str) -> list["Node"]:
        found = []
        for child in self.elements():
            if child.tag in tags:
                found.append(child)
            found.extend(child.find_all(*tags))
        return found

    def find(self, *tags: str) -> "Node | None":
        found = self.find_all(*tags)
        return found[0] if found else None

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P and self.stack[-1].tag == "p":
            self.stack.pop()
        if tag == "li" and self.stack[-1].tag == "li":
            self.stack.pop()
        if tag not in VOID and len(self.stack) > MAX_DEPTH:
            return
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_fragment(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def to_html(node: "Node | str") -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    inner = "".join(to_html(child) for child in node.children)
    if node.tag == "#root":
        return inner
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in node.attrs.items())
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


def inner_html(node: Node) -> str:
    return "".join(to_html(child) for child in node.children)


def text_of(node: "Node | str") -> str:
    """Visible text, with <br> as a newline; whitespace runs collapsed per line."""
    raw = _raw_text(node)
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def _raw_text(node: "Node | str") -> str:
    if isinstance(node, str):
        return node.replace("\n", " ")
    if node.tag == "br":
        return "\n"
    if node.tag in ("script", "style"):
        return ""
    text = "".join(_raw_text(child) for child in node.children)
    if node.tag in ("p", "li", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"):
        return f"\n{text}\n"
    return text


def pre_text(node: Node) -> str:
    """Text of a <pre>, keeping its newlines and spacing exactly."""
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag == "br":
            parts.append("\n")
        else:
            parts.append(pre_text(child))
    return "".join(parts)
