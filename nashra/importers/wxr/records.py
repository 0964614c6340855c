"""The records a WXR export yields, in the order WordPress writes them.

Records are frozen so a caller can hand them between stages without defensive
copies. Sequences are tuples for the same reason.
"""

from dataclasses import dataclass, field
from datetime import datetime


class WXRError(Exception):
    """The file cannot be read (further) as a WordPress export.

    ``reason`` is one line, fit for a command's error output. ``line`` is the
    line the parser stopped at, when known. Records yielded before the error
    stay valid, so a caller can count them and report a partial import.
    """

    def __init__(self, reason: str, *, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass(frozen=True)
class Problem:
    """Something in the input that was read but could not be taken as given."""

    kind: str
    reason: str


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    base_site_url: str
    base_blog_url: str
    language: str
    wxr_version: str
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Author:
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str
    # WXR 1.0 has no author_id.
    wp_id: int | None = None


@dataclass(frozen=True)
class Category:
    term_id: int | None
    nicename: str
    parent: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Tag:
    term_id: int | None
    slug: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Term:
    """A term of another taxonomy (nav_menu, post_format, Polylang's …)."""

    term_id: int | None
    taxonomy: str
    slug: str
    parent: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Comment:
    wp_id: int | None
    parent_id: int
    author: str
    email: str
    url: str
    ip: str
    date_gmt: datetime | None
    content: str
    # "1", "0", "spam", "trash", "post-trashed": kept as WordPress wrote it.
    approved: str
    # "" and "comment" are both ordinary comments; pingback, trackback and
    # plugin kinds (e.g. ActivityPub "like") are kept as given.
    type: str
    user_id: int = 0
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    wp_id: int | None
    post_type: str
    title: str
    link: str
    guid: str
    status: str
    post_date_gmt: datetime | None
    post_date: datetime | None
    slug: str
    parent_id: int
    menu_order: int
    author: str
    excerpt: str
    content: str
    is_sticky: bool
    password: str
    # (domain, nicename, name), nicename percent-decoded.
    categories: tuple[tuple[str, str, str], ...]
    postmeta: dict[str, str]
    attachment_url: str
    comments: tuple[Comment, ...]
    comment_status: str = ""
    problems: tuple[Problem, ...] = ()

    @property
    def published_at(self) -> datetime | None:
        """The best instant known: GMT first, since drafts carry a zero GMT date."""
        return self.post_date_gmt or self.post_date

    def terms(self, domain: str) -> list[str]:
        """Nicenames of this item's terms in one taxonomy, in file order."""
        return [nicename for d, nicename, _ in self.categories if d == domain]


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A post, page or other item known by type and id only (read_export's
    brief mode); its problems are reported when it is read whole."""

    wp_id: int | None
    post_type: str


@dataclass(frozen=True, slots=True)
class OversizedItem(ItemRef):
    """An item refused unread: one of its texts, or the whole item, was over
    the reader's limit (read_export's max_post_bytes); ``size`` is how far
    past the limit the reader went before it stopped keeping it."""

    title: str = ""
    size: int = 0


Record = Channel | Author | Category | Tag | Term | Item | ItemRef
