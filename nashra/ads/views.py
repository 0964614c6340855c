"""/ads.txt and /app-ads.txt as the newsroom wrote them in the admin (#20).

Plain text, kept by the page cache like robots.txt; saving the setting
bumps the "site" group, which drops the cached copies.
"""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from nashra.ads.models import AdsSettings


def _served(field):
    @require_safe
    def view(request):
        # Read, never created: a GET writes no settings row.
        site = Site.find_for_request(request)
        found = AdsSettings.objects.filter(site=site).values_list(field, flat=True)
        text = (found.first() or "").strip()
        if not text:
            raise Http404
        body = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
        return HttpResponse(body, content_type="text/plain; charset=utf-8")

    return view


ads_txt = _served("ads_txt")
app_ads_txt = _served("app_ads_txt")
