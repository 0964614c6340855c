"""The view-count beacon an article page sends once read (#4)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from nashra.articles.counting import is_bot, record_view, within_limit
from nashra.core.client import client_ip
from nashra.text.scrub import truncate_ip


@csrf_exempt  # a beacon carries no cookie-bound action: it only counts
@require_POST
@never_cache
def view_beacon(request, page_id):
    """Counts one reader's view of an article; bots, and a network past its
    limit a minute, are ignored silently."""
    if is_bot(request.headers.get("User-Agent", "")):
        return HttpResponse(status=204)
    network = truncate_ip(client_ip(request) or "") or "-"
    if within_limit(network):
        record_view(page_id)
    return HttpResponse(status=204)
