"""Reading WordPress eXtended RSS (WXR) exports, without Django."""

from .check import check_export
from .reader import DEFAULT_MAX_POST_BYTES, read_export
from .records import (
    Author,
    Category,
    Channel,
    Comment,
    Item,
    ItemRef,
    OversizedItem,
    Problem,
    Record,
    Tag,
    Term,
    WXRError,
)

__all__ = [
    "Author",
    "Category",
    "Channel",
    "Comment",
    "DEFAULT_MAX_POST_BYTES",
    "Item",
    "ItemRef",
    "OversizedItem",
    "Problem",
    "Record",
    "Tag",
    "Term",
    "WXRError",
    "check_export",
    "read_export",
]
