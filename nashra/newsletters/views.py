"""Readers' newsletter pages: subscribe, confirm, unsubscribe; never cached (#19).

Confirm and unsubscribe links answer GET with a page and a button and act
only on POST: mail scanners that open every link must neither confirm a
stranger's subscription nor unsubscribe the reader. The POST needs no CSRF
cookie: the signed link is the authority, and the one-click unsubscribe of
RFC 8058 is posted by the mail provider, which has no cookie.
"""

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from nashra.comments.threads import options_for
from nashra.core.client import client_ip
from nashra.newsletters.forms import SubscribeForm
from nashra.newsletters.models import NewsletterList, Subscriber, Subscription
from nashra.newsletters.subscribe import TooFast, offered, subscribe
from nashra.newsletters.tokens import BadLink, read_confirm, read_leave

MAX_POST_BYTES = 20_000


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _page(request, form, *, message="", status=200, sent=False):
    context = {"form": form, "message": message, "sent": sent}
    return _private(render(request, "newsletters/page.html", context, status=status))


def _lists():
    return list(NewsletterList.objects.filter(active=True))


@require_GET
def page(request):
    form = SubscribeForm(newsletters=_lists())
    return _page(request, form, sent=request.GET.get("sent") == "1")


@csrf_exempt  # article pages are cached for everyone: no per-reader CSRF token
@require_http_methods(["POST"])
def post(request):
    form = SubscribeForm(request.POST, newsletters=_lists())
    if _too_big(request) or request.POST.get("homepage"):
        return _page(request, form, message=_("Your request could not be sent."),
                     status=400)  # fmt: skip
    if not form.is_valid():
        return _page(request, form, message=_("Please correct the fields marked below."),
                     status=422)  # fmt: skip
    try:
        subscribe(
            form.cleaned_data["email"],
            offered(form.cleaned_data["lists"]),
            ip=client_ip(request),
            options=options_for(request),
        )
    except TooFast:
        return _page(request, form, message=_(
            "You are sending requests too quickly. Please wait a few seconds."),
            status=429)  # fmt: skip
    return _private(redirect(reverse("newsletters:page") + "?sent=1"))


def _too_big(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_POST_BYTES
    except ValueError:
        return True


def _bad_link(request):
    return _private(render(request, "newsletters/bad_link.html", status=400))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber_id, list_ids = read_confirm(token)
    except BadLink:
        return _bad_link(request)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return _bad_link(request)
    pending = Subscription.objects.filter(
        subscriber=subscriber, newsletter_id__in=list_ids
    ).select_related("newsletter")
    context = {"token": token, "newsletters": [s.newsletter for s in pending]}
    if request.method == "POST":
        now = timezone.now()
        with transaction.atomic():
            pending.filter(confirmed_at__isnull=True).update(confirmed_at=now)
            Subscriber.objects.filter(
                pk=subscriber.pk, confirmed_at__isnull=True
            ).update(confirmed_at=now)
        context["done"] = True
    return _private(render(request, "newsletters/confirm.html", context))


@csrf_exempt  # RFC 8058: the provider posts List-Unsubscribe=One-Click
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber_id, list_id = read_leave(token)
    except BadLink:
        return _bad_link(request)
    newsletter = NewsletterList.objects.filter(pk=list_id).first()
    context = {"token": token, "newsletter": newsletter}
    if request.method == "POST":
        Subscription.objects.filter(
            subscriber_id=subscriber_id, newsletter_id=list_id
        ).delete()
        context["done"] = True
    return _private(render(request, "newsletters/unsubscribe.html", context))
