"""The opt-in endpoints and the service worker (#19).

The POSTs carry no CSRF token: they come from cached pages (as the
newsletter form does) and only ever add or remove the caller's own browser,
identified by the push service's endpoint URL.
"""

import time

from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from nashra.comments.privacy import short_hash
from nashra.core import marks
from nashra.core.client import client_ip
from nashra.push.forms import BadSubscription, read
from nashra.push.models import PushSubscription
from nashra.sections.models import SectionPage
from nashra.text.scrub import truncate_ip

MAX_BODY = 4_000
# A reader's browser subscribes once and changes its choices now and then; a
# script registering endpoints by the thousand is refused. Counted in shared
# marks, so every worker of the embedded default holds the same count (#17).
PER_MINUTE = 5


def too_many(request):
    """True when this client network has subscribed PER_MINUTE times this minute."""
    network = short_hash(truncate_ip(client_ip(request) or "") or "")
    minute = int(time.time() // 60)
    return not any(
        marks.add(f"push:subscribe:{network}:{minute}:{n}", 120)
        for n in range(PER_MINUTE)
    )


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
    if too_many(request):
        return _answer(429, _("Too many tries from this network; wait a minute."))
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
