"""The view-count beacon an article page sends once read (#4)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from nashra.articles.counting import is_bot, record_view


@csrf_exempt  # a beacon carries no cookie-bound action: it only counts
@require_POST
@never_cache
def view_beacon(request, page_id):
    """Counts one reader's view of an article; bots are ignored silently."""
    if not is_bot(request.headers.get("User-Agent", "")):
        record_view(page_id)
    return HttpResponse(status=204)
