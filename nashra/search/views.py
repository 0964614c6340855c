"""The search page and the search-as-you-type endpoint (#5)."""

import time
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from nashra.articles.models import ArticlePage
from nashra.core import metrics
from nashra.core.pagination import paginate
from nashra.search.backends import Filters, get_backend
from nashra.search.forms import MAX_QUERY_INPUT, SearchForm
from nashra.search.results import SearchResults
from nashra.search.spelling import did_you_mean
from nashra.text.query import parse_query

RESULTS_PER_PAGE = 10
SUGGESTIONS = 6
# A one-letter prefix matches half the archive and tells the reader nothing.
MIN_PREFIX = 2


def timed(endpoint):
    """Each answer's time in nashra_search_seconds (#17)."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            started = time.perf_counter()
            response = view(request, *args, **kwargs)
            if settings.METRICS:
                metrics.observe_search(endpoint, time.perf_counter() - started)
            return response

        return wrapper

    return decorate


@require_GET
@timed("page")
def search(request):
    form = SearchForm(request.GET)
    parsed = parse_query(form.query)
    context = {"form": form, "query": form.query, "parsed": parsed, "results": None}
    if not parsed.is_empty:
        results = SearchResults(parsed, form.filters(), form.order)
        context["results"] = paginate(results, request, RESULTS_PER_PAGE)
        context["total"] = results.count()
        context["suggestion"] = did_you_mean(
            form.query, context["total"], form.filters()
        )
    return render(request, "search/search.html", context)


@require_GET
@cache_control(public=True, max_age=60)
@timed("suggest")
def suggest(request):
    """A few headlines for the box under the header, as JSON."""
    q = request.GET.get("q", "")[:MAX_QUERY_INPUT].replace("\x00", "")
    parsed = parse_query(q)
    suggestions = []
    if not parsed.is_empty:
        prefix = bool(parsed.terms) and len(parsed.terms[-1]) >= MIN_PREFIX
        ids = get_backend().search(
            parsed, Filters(), limit=SUGGESTIONS, prefix_last=prefix, titles_only=True
        )
        pages = ArticlePage.objects.published().select_related("section").in_bulk(ids)
        suggestions = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "section": page.section.title if page.section else "",
            }
            for page in (pages[pk] for pk in ids if pk in pages)
        ]
    return JsonResponse({"q": q, "results": suggestions})
