"""Listing pagination that survives whatever a reader types in ?page=."""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404

MAX_PAGE_PARAMETER = 7  # digits; longer values are junk, not page numbers


def requested_page(request):
    """?page= as a positive int; anything odd (abc, -1, 1e9) means page 1."""
    raw = request.GET.get("page", "").strip()
    if not raw.isdigit() or len(raw) > MAX_PAGE_PARAMETER:
        return 1
    return max(int(raw), 1)


def paginate(queryset, request, per_page):
    """The requested page of a listing; a page past the end is a 404, not a 500."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(requested_page(request))
    except EmptyPage:
        if requested_page(request) == 1:
            return paginator.page(1)
        raise Http404("page out of range") from None
