"""The moderation queue and GDPR tools in the Wagtail admin (#3)."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nashra.articles.models import ArticlePage
from nashra.comments import moderation
from nashra.comments.admin_forms import EditCommentForm, EmailLookupForm, ReplyForm
from nashra.comments.models import Comment, CommentThread, Status
from nashra.comments.privacy import erase_for_email, export_for_email
from nashra.core import groups
from nashra.core.invalidate import bump
from nashra.core.pagination import paginate

PER_PAGE = 50
MAX_SEARCH = 200
ACTIONS = {
    "approve": Status.APPROVED,
    "spam": Status.SPAM,
    "trash": Status.TRASH,
    "pending": Status.PENDING,
}


def _is_id(text):
    """ASCII digits only: "²".isdigit() is true and int("²") raised a 500 (#13)."""
    return text.isascii() and text.isdigit() and len(text) < 19


def _require(request):
    if not request.user.has_perm("comments.change_comment"):
        raise PermissionDenied


def _tabs(current):
    totals = dict(
        Comment.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    return [
        {
            "status": value,
            "label": label,
            "count": totals.get(value, 0),
            "current": value == current,
        }
        for value, label in Status.choices
    ]


def queue(request):
    _require(request)
    if request.method == "POST":
        return _bulk(request)
    status = request.GET.get("status", Status.PENDING)
    if status not in Status.values:
        status = Status.PENDING
    comments = Comment.objects.filter(status=status).select_related("article")
    query = request.GET.get("q", "").strip()[:MAX_SEARCH]
    if query:
        comments = comments.filter(
            Q(body__icontains=query)
            | Q(name__icontains=query)
            | Q(email__iexact=query)
            | Q(article__title__icontains=query)
        )
    article = request.GET.get("article", "")
    if _is_id(article):
        comments = comments.filter(article_id=int(article))
    page = paginate(comments.order_by("-created_at", "-pk"), request, PER_PAGE)
    return render(
        request,
        "comments/admin/queue.html",
        {
            "page_obj": page,
            "tabs": _tabs(status),
            "status": status,
            "query": query,
            "article": article if _is_id(article) else "",
        },
    )


# A row's own button ("approve:123"): one click, no ticking (#14).
ROW_ACTIONS = ("approve", "spam", "trash")


def _row_action(request):
    """(action, [id]) of a row's button, or None when none was pressed."""
    pressed = request.POST.get("row", "")
    action, _sep, pk = pressed.partition(":")
    if action in ROW_ACTIONS and _is_id(pk):
        return action, [int(pk)]
    return None


def _bulk(request):
    ids = [int(i) for i in request.POST.getlist("ids") if _is_id(i)][:500]
    action = request.POST.get("action", "")
    pressed = _row_action(request)
    if pressed is not None:
        action, ids = pressed
    comments = Comment.objects.filter(pk__in=ids)
    if action == "delete":
        done = moderation.delete(comments)
    elif action in ACTIONS:
        done = moderation.set_status(comments, ACTIONS[action])
    else:
        messages.error(request, _("Choose an action."))
        return redirect(request.get_full_path())
    messages.success(
        request,
        ngettext("%(count)d comment updated.", "%(count)d comments updated.", done)
        % {"count": done},
    )
    return redirect(request.get_full_path())


def edit(request, pk):
    _require(request)
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    old_status = comment.status
    form = EditCommentForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        new_status = form.cleaned_data["status"]
        comment = form.save(commit=False)
        comment.status = old_status
        comment.save()
        moderation.set_status([comment], new_status)
        messages.success(request, _("Comment saved."))
        return redirect(reverse("comments_admin:queue") + f"?status={new_status}")
    return render(
        request, "comments/admin/edit.html", {"form": form, "comment": comment}
    )


def reply(request, pk):
    _require(request)
    parent = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.staff_reply(parent, request.user, form.cleaned_data["body"])
        messages.success(request, _("Your reply is published."))
        return redirect(reverse("comments_admin:queue") + "?status=approved")
    return render(
        request, "comments/admin/reply.html", {"form": form, "comment": parent}
    )


def thread(request, page_id):
    """Open or close comments on one article."""
    _require(request)

    article = get_object_or_404(ArticlePage, pk=page_id)
    current, _created = CommentThread.objects.get_or_create(page_id=article.pk)
    if request.method == "POST":
        current.is_open = request.POST.get("is_open") == "1"
        current.save(update_fields=["is_open"])
        # The article's page, cached or not, shows the form or the notice.
        bump({groups.page(article.pk)})
        messages.success(
            request,
            _("Comments are open.") if current.is_open else _("Comments are closed."),
        )
        return redirect("comments_admin:thread", page_id=article.pk)
    return render(
        request,
        "comments/admin/thread.html",
        {"article": article, "thread": current},
    )


def personal_data(request):
    """Export or erase every comment of one e-mail address (GDPR)."""
    _require(request)
    form = EmailLookupForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if request.POST.get("action") == "export":
            data = export_for_email(email)
            response = HttpResponse(
                json.dumps(
                    {"email": email, "comments": data}, ensure_ascii=False, indent=2
                ),
                content_type="application/json; charset=utf-8",
            )
            stamp = timezone.now().strftime("%Y%m%d")
            response["Content-Disposition"] = (
                f'attachment; filename="comments-export-{stamp}.json"'
            )
            response["Cache-Control"] = "private, no-store"
            return response
        if request.POST.get("action") == "erase" and request.POST.get("confirm") == "1":
            deleted = erase_for_email(email)
            messages.success(
                request,
                ngettext(
                    "%(count)d comment erased.", "%(count)d comments erased.", deleted
                )
                % {"count": deleted},
            )
            return redirect("comments_admin:personal_data")
        found = Comment.objects.filter(email__iexact=email.strip()).count()
    return render(
        request, "comments/admin/personal_data.html", {"form": form, "found": found}
    )
