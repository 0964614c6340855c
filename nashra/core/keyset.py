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


class Keys:
    """Where a listing's (date, id) keys can be read narrowly, newest first.

    By default the articles themselves; a tag's listing reads its tag links
    instead, which carry the date under an index by (tag, date), so page 1
    and the boundaries never touch the other 97 % of the archive (#8).
    """

    def __init__(self, queryset, date="published_at", pk="pk"):
        self.queryset = queryset
        self.date = date
        self.pk = pk

    def ordered(self):
        return self.queryset.order_by(f"-{self.date}", f"-{self.pk}")

    def values(self):
        return self.ordered().values_list(self.date, self.pk)

    def from_boundary(self, at, pk):
        # The redundant date <= at bounds the index range, so the database
        # seeks straight to the boundary instead of walking every newer entry.
        return (
            self.values()
            .filter(**{f"{self.date}__lte": at})
            .filter(Q(**{f"{self.date}__lt": at}) | Q(**{f"{self.pk}__lte": pk}))
        )


def paginate_newest(queryset, request, per_page, *, listing, version, keys=None):
    """Page ?page=N of ``queryset`` newest first (published_at, then pk).

    ``listing`` names the listing ("section:12") and ``version`` changes
    whenever its contents do. ?page=abc means page 1; past the end is a 404.
    ``keys`` (a Keys) reads the page's ids elsewhere; its rows must be
    exactly the listing's, with the same dates.
    """
    number = requested_page(request)
    prefix = f"nashra:keyset:{listing}:{version}:{per_page}"
    if keys is not None:
        return _paginate_by_keys(queryset, keys, number, per_page, prefix)
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
    rows = list(
        ordered.filter(published_at__lte=at).filter(
            Q(published_at__lt=at) | Q(pk__lte=pk)
        )[:per_page]
    )
    return KeysetPage(rows, number, KeysetPaginator(count, per_page))


def _paginate_by_keys(queryset, keys, number, per_page, prefix):
    if number == 1:
        count = _cached(f"{prefix}:count", keys.queryset.count)
        page_keys = list(keys.values()[:per_page])
    else:
        boundaries = _cached(
            f"{prefix}:bounds", lambda: _boundaries(keys.ordered(), per_page, keys)
        )
        count = boundaries["count"]
        if number > len(boundaries["starts"]):
            raise Http404("page out of range")
        page_keys = list(
            keys.from_boundary(*boundaries["starts"][number - 1])[:per_page]
        )
    ids = [pk for _date, pk in page_keys]
    # Fetched by id and put in order here: with ORDER BY, PostgreSQL may walk
    # the whole date index looking for these few ids.
    found = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()}
    rows = [found[pk] for pk in ids if pk in found]
    return KeysetPage(rows, number, KeysetPaginator(count, per_page))


def _boundaries(ordered, per_page, keys=None):
    """The first (published_at, pk) of every page, from one two-column scan."""
    if keys is not None:
        found = list(keys.values())
    else:
        narrow = ordered.select_related(None).prefetch_related(None)
        found = list(narrow.values_list("published_at", "pk"))
    return {"count": len(found), "starts": found[::per_page]}
