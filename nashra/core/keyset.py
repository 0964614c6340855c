"""Article listings whose page 1000 costs what page 1 costs (#8).

OFFSET makes the database walk past every earlier row, so deep pages of a
large section slow down linearly. Here ?page=N still works, but page N is
fetched from a remembered boundary: the (published_at, pk) of its first row.
The boundaries of a listing come from one narrow scan of two columns, kept in
the cache under the listing's version (bumped whenever an article in it is
published, edited, moved or removed), as is the count.
"""

from collections.abc import Sequence

from django.core.cache import cache
from django.db.models import Q
from django.http import Http404

from nashra.core.pagination import requested_page

CACHE_TIMEOUT = 60 * 60


class KeysetPaginator:
    """The counting side of Django's Paginator, for templates."""

    def __init__(self, count, per_page):
        self.count = count
        self.per_page = per_page
        self.num_pages = max((count + per_page - 1) // per_page, 1)

    @property
    def page_range(self):
        return range(1, self.num_pages + 1)


class KeysetPage(Sequence):
    """One page of a listing, shaped like django.core.paginator.Page."""

    def __init__(self, object_list, number, paginator):
        self.object_list = object_list
        self.number = number
        self.paginator = paginator

    def __getitem__(self, index):
        return self.object_list[index]

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self.number < self.paginator.num_pages

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def start_index(self):
        return (
            (self.number - 1) * self.paginator.per_page + 1 if self.object_list else 0
        )

    def end_index(self):
        return self.start_index() + len(self.object_list) - 1


def _cached(key, compute):
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_TIMEOUT)
    return found


def paginate_newest(queryset, request, per_page, *, listing, version):
    """Page ?page=N of ``queryset`` newest first (published_at, then pk).

    ``listing`` names the listing ("section:12") and ``version`` changes
    whenever its contents do. ?page=abc means page 1; past the end is a 404.
    """
    number = requested_page(request)
    prefix = f"nashra:keyset:{listing}:{version}:{per_page}"
    ordered = queryset.order_by("-published_at", "-pk")
    if number == 1:
        narrow = ordered.select_related(None).prefetch_related(None)
        count = _cached(f"{prefix}:count", narrow.count)
        rows = list(ordered[:per_page])
        return KeysetPage(rows, 1, KeysetPaginator(count, per_page))
    boundaries = _cached(f"{prefix}:bounds", lambda: _boundaries(ordered, per_page))
    count = boundaries["count"]
    if number > len(boundaries["starts"]):
        raise Http404("page out of range")
    at, pk = boundaries["starts"][number - 1]
    # The redundant published_at <= at bounds the index range, so the database
    # seeks straight to the boundary instead of walking every newer entry.
    rows = list(
        ordered.filter(published_at__lte=at).filter(
            Q(published_at__lt=at) | Q(pk__lte=pk)
        )[:per_page]
    )
    return KeysetPage(rows, number, KeysetPaginator(count, per_page))


def _boundaries(ordered, per_page):
    """The first (published_at, pk) of every page, from one two-column scan."""
    narrow = ordered.select_related(None).prefetch_related(None)
    keys = list(narrow.values_list("published_at", "pk"))
    return {"count": len(keys), "starts": keys[::per_page]}
