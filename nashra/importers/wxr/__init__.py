"""Reading WordPress eXtended RSS (WXR) exports, without Django."""

from .reader import read_export
from .records import (
    Author,
    Category,
    Channel,
    Comment,
    Item,
    ItemRef,
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
    "Item",
    "ItemRef",
    "Problem",
    "Record",
    "Tag",
    "Term",
    "WXRError",
    "read_export",
]
