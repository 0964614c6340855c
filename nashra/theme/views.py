from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from nashra.theme import favicon
from nashra.theme.options import for_request

YEAR = 365 * 24 * 60 * 60
DAY = 24 * 60 * 60


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
