"""The live desk: an admin screen made for posting fast (#15).

One text box, Enter publishes (Shift+Enter for a new line), no reload: the
desk's script posts here and puts the answer's row in the list. Several
editors may work on one page: each write goes through nashra.live.writing,
and every desk reloads its list every few seconds.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nashra.live import stream, writing
from nashra.live.models import LiveEntry, LivePage

DESK_ENTRIES = 100
ACTIONS = {
    "pin": {"pinned": True},
    "unpin": {"pinned": False},
    "key": {"key_event": True},
    "unkey": {"key_event": False},
}


def _page_for(request, pk):
    page = get_object_or_404(LivePage, pk=pk)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page


def _rows(page):
    shown = stream.signed(page.entries.shown()).order_by("-id")[:DESK_ENTRIES]
    return render_to_string("live/admin/rows.html", {"entries": shown, "page": page})


def desks(request):
    """Every live page, newest first, each with the way to its desk."""
    pages = LivePage.objects.order_by("-pk")[:50]
    shown = [p for p in pages if p.permissions_for_user(request.user).can_publish()]
    return render(
        request, "live/admin/desks.html", {"pages": shown, "title": _("Live coverage")}
    )


def desk(request, pk):
    page = _page_for(request, pk)
    if request.GET.get("rows"):
        return JsonResponse({"rows": _rows(page)})
    return render(
        request,
        "live/admin/desk.html",
        {"page": page, "rows": _rows(page), "title": page.title},
    )


def _problem(message):
    return JsonResponse({"error": message}, status=422)


@require_POST
def publish(request, pk):
    page = _page_for(request, pk)
    text = request.POST.get("body", "")
    blocks = writing.text_blocks(text) if len(text) <= writing.MAX_TEXT else []
    if not blocks:
        return _problem(_("Write the update first (at most 10,000 characters)."))
    writing.post(
        page,
        request.user,
        blocks,
        pinned=request.POST.get("pinned") == "1",
        key_event=request.POST.get("key_event") == "1",
    )
    return JsonResponse({"rows": _rows(page)}, status=201)


@require_POST
def act(request, pk, entry_pk):
    page = _page_for(request, pk)
    entry = get_object_or_404(LiveEntry.objects.shown(), pk=entry_pk, page=page)
    action = request.POST.get("action", "")
    if action == "delete":
        writing.delete(entry)
    elif action == "edit":
        text = request.POST.get("body", "")
        blocks = writing.text_blocks(text) if len(text) <= writing.MAX_TEXT else []
        if not blocks:
            return _problem(_("Write the update first (at most 10,000 characters)."))
        writing.change(entry, blocks=blocks)
    elif action in ACTIONS:
        writing.change(entry, **ACTIONS[action])
    else:
        return _problem(_("Unknown action."))
    return JsonResponse({"rows": _rows(page)})
