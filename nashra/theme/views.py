from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from nashra.theme import favicon
from nashra.theme.counting import is_bot, record_view
from nashra.theme.options import for_request

YEAR = 365 * 24 * 60 * 60
DAY = 24 * 60 * 60


@csrf_exempt  # a beacon carries no cookie-bound action: it only counts
@require_POST
@never_cache
def view_beacon(request, page_id):
    """Counts one reader's view of an article; bots are ignored silently."""
    if not is_bot(request.headers.get("User-Agent", "")):
        record_view(page_id)
    return HttpResponse(status=204)


@require_GET
def favicon_ico(request):
    """/favicon.ico, drawn once per icon version and kept in the cache (#12).

    Pages link `/favicon.ico?v=<version>`, which never changes meaning, so it
    is cached for a year; the bare address (asked for by browsers and feed
    readers on their own) for a day, so a new icon is picked up.
    """
    theme = for_request(request)
    current = favicon.version(theme)
    key = f"nashra:favicon:{theme.site_id}:{current}"
    data = cache.get(key)
    if data is None:
        data = favicon.render(Site.find_for_request(request), theme)
        cache.set(key, data, 30 * DAY)
    response = HttpResponse(data, content_type="image/x-icon")
    if request.GET.get("v") == current:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=DAY)
    return response
