"""The live desk: an admin screen made for posting fast (#15).

One text box, Enter publishes (Shift+Enter for a new line), no reload: the
desk's script posts here and puts the answer's row in the list. The box
holds every block an entry has (writing.text_blocks: text, "> " quotations,
a bare address for a post or a video) and a photo may be attached to it,
with its caption. Several
editors may work on one page: each write goes through nashra.live.writing,
and every desk reloads its list every few seconds.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from nashra.live import stream, writing
from nashra.live.models import LiveEntry, LivePage

DESK_ENTRIES = 100
CAPTION_LENGTH = 500  # ImageBlock's
EMPTY = _lazy("Write the update first (at most 10,000 characters).")
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


def _uploaded_image(request, upload):
    """(image, None) for a photo the editor attached, or (None, message)."""
    images = policy_registry.get_by_type(get_image_model())
    if not images.user_has_permission(request.user, "add"):
        return None, _("Your role may not upload images.")
    try:
        WagtailImageField().clean(upload)
    except ValidationError as error:
        return None, " ".join(error.messages)
    caption = request.POST.get("caption", "").strip()[:CAPTION_LENGTH]
    image = get_image_model()(
        title=(caption or upload.name)[:255],
        file=upload,
        uploaded_by_user=request.user,
        collection=Collection.get_first_root_node(),
    )
    image.save()
    return image, None


@require_POST
def publish(request, pk):
    """Publish the desk's text box and the photo attached to it, if any."""
    page = _page_for(request, pk)
    text = request.POST.get("body", "")
    if len(text) > writing.MAX_TEXT:
        return _problem(EMPTY)
    blocks = writing.text_blocks(text)
    upload = request.FILES.get("image")
    if upload is not None:
        image, problem = _uploaded_image(request, upload)
        if problem:
            return _problem(problem)
        caption = request.POST.get("caption", "").strip()[:CAPTION_LENGTH]
        blocks.insert(0, writing.image_block(image, caption))
    if not blocks:
        return _problem(EMPTY)
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
        blocks = writing.edited_blocks(entry, text)
        if len(text) > writing.MAX_TEXT or not blocks:
            return _problem(EMPTY)
        writing.change(entry, blocks=blocks)
    elif action in ACTIONS:
        writing.change(entry, **ACTIONS[action])
    else:
        return _problem(_("Unknown action."))
    return JsonResponse({"rows": _rows(page)})
