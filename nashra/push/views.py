"""The opt-in endpoints and the service worker (#19).

The POSTs carry no CSRF token: they come from cached pages (as the
newsletter form does) and only ever add or remove the caller's own browser,
identified by the push service's endpoint URL.
"""

from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from nashra.push.forms import BadSubscription, read
from nashra.push.models import PushSubscription
from nashra.sections.models import SectionPage

MAX_BODY = 4_000


def _answer(status, message):
    response = JsonResponse({"message": message}, status=status)
    add_never_cache_headers(response)
    return response


def _refused():
    return _answer(400, _("This browser's subscription could not be read."))


@csrf_exempt
@require_POST
def subscribe(request):
    if len(request.body) > MAX_BODY:
        return _refused()
    sections = set(SectionPage.objects.live().values_list("id", flat=True))
    try:
        fields = read(request.body, sections)
    except BadSubscription:
        return _refused()
    chosen = fields.pop("sections")
    with transaction.atomic():
        row, _made = PushSubscription.objects.update_or_create(
            endpoint=fields.pop("endpoint"), defaults=fields
        )
        row.sections.set(chosen)
    return _answer(201, _("Notifications are on for this browser."))


@csrf_exempt
@require_POST
def unsubscribe(request):
    endpoint = request.body.decode("utf-8", "replace")[:1000]
    PushSubscription.objects.filter(endpoint=endpoint).delete()
    return _answer(200, _("Notifications are off for this browser."))


@require_GET
def service_worker(request):
    """The worker at the site's root, so its scope is the whole site."""
    response = HttpResponse(
        render_to_string("push/sw.js"), content_type="text/javascript; charset=utf-8"
    )
    # A browser checks for a new worker on its own; keep copies short-lived.
    patch_cache_control(response, public=True, max_age=300)
    return response
