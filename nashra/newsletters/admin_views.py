"""An edition's preview, test send and send in the admin (#19)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from nashra.newsletters.editions import draft_edition
from nashra.newsletters.models import Edition, NewsletterList
from nashra.newsletters.render import LEAVE, render_edition
from nashra.newsletters.sending import start

PERMISSION = "newsletters.change_edition"


def may_send(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _require(request):
    if not may_send(request.user):
        raise PermissionDenied


def preview(request, pk):
    """The HTML part as subscribers get it, with a dead unsubscribe link."""
    _require(request)
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    html, _text = render_edition(edition)
    response = HttpResponse(html.replace(LEAVE, "#"))
    # The e-mail's own markup, outside the admin: no scripts may run in it.
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src *; style-src 'unsafe-inline'"
    )
    return response


def send(request, pk):
    _require(request)
    edition = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    if request.method == "POST":
        if "test" in request.POST:
            _test_send(request, edition)
        elif start(edition):
            messages.success(request, _("The edition is being sent."))
        else:
            messages.error(request, _("This edition has already been sent."))
        return redirect(reverse("newsletters_admin:send", args=[edition.pk]))
    context = {"edition": edition, "title": _("Send the edition")}
    return render(request, "newsletters/admin/send.html", context)


def _test_send(request, edition):
    """One copy to the editor's own address, through the queue (#14)."""
    from nashra.newsletters.render import message_for

    if not request.user.email:
        messages.error(request, _("Your account has no e-mail address."))
        return
    message = message_for(edition, render_edition(edition), 0, request.user.email)
    message.subject = _("[Test] %(subject)s") % {"subject": edition.subject}
    message.send()
    messages.success(request, _("A test copy is on its way to your address."))


def draft(request, pk):
    _require(request)
    newsletter = get_object_or_404(NewsletterList, pk=pk)
    if request.method != "POST":
        context = {"newsletter": newsletter, "title": newsletter.name}
        return render(request, "newsletters/admin/draft.html", context)
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    edition = draft_edition(newsletter, site.root_page)
    # The editor reorders the stories and writes the note there.
    return redirect(
        reverse("wagtailsnippets_newsletters_edition:edit", args=[edition.pk])
    )
