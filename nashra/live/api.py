"""Posting entries from other tools, and the list of live pages (#15).

GET /api/v1/live/<page_id>/entries/ lists the entries a reader sees;
POST /api/v1/live/<page_id>/entries/ with ``Authorization: Bearer TOKEN``
and ``{"body": "<text>"}`` (optionally "pinned", "key_event"), the text
read as the live desk's box is (writing.text_blocks: "> " quotations, a bare
address for a post or a video): 201 with the entry; 401 without a valid token, 403 when the token's user may not publish
the page, 404 for no such live page, 422 for a body that is not text.
"""

import json

from django.http import HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from nashra.core import groups
from nashra.core.privacy import exclude_private
from nashra.live import stream, tokens, writing
from nashra.live.models import LivePage, LiveStatus

# UTF-8 text, not \u escapes: a third of the bytes for Arabic.
ARABIC_AS_IS = {"ensure_ascii": False}
MESSAGES = {
    "unauthorised": (
        "A valid publishing token is required (Authorization: Bearer TOKEN).",
        "يلزم رمز نشر صالح.",
    ),
    "forbidden": (
        "This user's newsroom role may not publish on this page.",
        "دور هذا المستخدم في غرفة الأخبار لا يسمح له بالنشر في هذه الصفحة.",
    ),
    "not_found": ("No live page with this id.", "لا توجد صفحة تغطية مباشرة بهذا الرقم."),
    "not_json": ("The request body must be a JSON object.", "يجب أن يكون الطلب كائن JSON."),
    "no_text": (
        '"body" must be non-empty text of at most 10,000 characters.',
        "يجب أن يكون «body» نصًا غير فارغ لا يتجاوز 10,000 حرف.",
    ),
    "not_flag": ('"pinned" and "key_event" must be true or false.',
                 "يجب أن تكون قيمة «pinned» و«key_event» صحيحة أو خاطئة."),
}  # fmt: skip


def refuse(status, reason):
    english, arabic = MESSAGES[reason]
    response = JsonResponse(
        {"error": reason, "message": english, "message_ar": arabic},
        status=status,
        json_dumps_params=ARABIC_AS_IS,
    )
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="nashra"'
    return response


def _parse(request):
    """The entry's fields from the request body, or the reason they are bad."""
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, "not_json"
    if not isinstance(data, dict):
        return None, "not_json"
    text = data.get("body")
    if not isinstance(text, str) or len(text) > writing.MAX_TEXT:
        return None, "no_text"
    blocks = writing.text_blocks(text)
    if not blocks:
        return None, "no_text"
    flags = {name: data.get(name, False) for name in ("pinned", "key_event")}
    if not all(isinstance(value, bool) for value in flags.values()):
        return None, "not_flag"
    return {"blocks": blocks, **flags}, None


@csrf_exempt
def entries(request, page_id):
    if request.method == "POST":
        return post_entry(request, page_id)
    if request.method in ("GET", "HEAD"):
        return list_entries(request, page_id)
    return HttpResponseNotAllowed(["GET", "HEAD", "POST"])


def list_entries(request, page_id):
    """The entries a reader sees on the page's first view, as data."""
    page = exclude_private(LivePage.objects.live().filter(pk=page_id)).first()
    if page is None:
        return refuse(404, "not_found")
    request.pagecache_groups = {groups.page(page.pk)}
    shown, _more = stream.window(page)
    stream.prepare(shown, request)
    items = [
        {
            "id": entry.pk,
            "url": request.build_absolute_uri(f"/live/entry/{entry.pk}/"),
            "author": stream.author_name(entry),
            "published_at": entry.published_at.isoformat(),
            "updated_at": entry.updated_at.isoformat(),
            "pinned": entry.pinned,
            "key_event": entry.key_event,
            "text": stream.entry_text(entry),
            "html": stream.render_entry(entry, request),
        }
        for entry in shown
    ]
    return JsonResponse(
        {"page": page.pk, "items": items}, json_dumps_params=ARABIC_AS_IS
    )


def post_entry(request, page_id):
    user = tokens.user_for(request.META.get("HTTP_AUTHORIZATION"))
    if user is None:
        return refuse(401, "unauthorised")
    page = LivePage.objects.filter(pk=page_id).first()
    if page is None:
        return refuse(404, "not_found")
    if not page.permissions_for_user(user).can_publish():
        return refuse(403, "forbidden")
    fields, problem = _parse(request)
    if problem:
        return refuse(422, problem)
    entry = writing.post(page, user, fields.pop("blocks"), **fields)
    return JsonResponse(
        {
            "id": entry.pk,
            "page": page.pk,
            "version": entry.version,
            "url": request.build_absolute_uri(f"/live/entry/{entry.pk}/"),
        },
        status=201,
    )


@require_GET
def live_pages(request):
    """Live pages whose coverage is running, newest first."""
    pages = (
        LivePage.objects.live()
        .public()
        .filter(status=LiveStatus.LIVE)
        .order_by("-published_at", "-pk")
    )
    items = [
        {"id": page.pk, "title": page.title, "url": page.full_url} for page in pages
    ]
    return JsonResponse({"items": items}, json_dumps_params=ARABIC_AS_IS)
