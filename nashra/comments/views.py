"""Readers' comment endpoints; none of them is cached or cacheable (#3, #8).

The article page itself carries no per-reader data: the form token comes from
``token`` (JSON, fetched by JS when the reader starts typing), the reader's own
pending comments from ``mine`` (JSON, via a cookie scoped to /comments/ so
article requests never carry it), and readers without JS use the ``form``
page, which is uncached and prints a token.
"""

import logging

from django.conf import settings
from django.core import signing
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from nashra.articles.models import ArticlePage
from nashra.comments import answers, tokens
from nashra.comments.forms import CommentForm
from nashra.comments.models import Comment, Status
from nashra.comments.notify import alert_editors
from nashra.comments.submit import Refused, submit
from nashra.comments.threads import is_open, options_for
from nashra.core.client import client_ip

logger = logging.getLogger(__name__)
MINE_COOKIE = "nashra_comments_mine"
MINE_SALT = "nashra.comments.mine"
MINE_AGE = 7 * 24 * 60 * 60
MINE_LIMIT = 20
# Far above a 5,000-character comment in any script (UTF-8, URL-encoded),
# far below what would tie up a worker.
MAX_POST_BYTES = 200_000


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _article(article_id):
    article = ArticlePage.objects.published().filter(pk=article_id).first()
    if article is None:
        raise Http404("no such article")
    return article


def mine_ids(request):
    try:
        ids = signing.loads(
            request.COOKIES.get(MINE_COOKIE, ""), salt=MINE_SALT, max_age=MINE_AGE
        )
    except signing.BadSignature:
        return []
    return [i for i in ids if isinstance(i, int)][-MINE_LIMIT:]


def _remember(response, request, comment):
    ids = [*mine_ids(request), comment.pk][-MINE_LIMIT:]
    response.set_cookie(
        MINE_COOKIE,
        signing.dumps(ids, salt=MINE_SALT),
        max_age=MINE_AGE,
        path="/comments/",
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _pending_for(request, article):
    ids = mine_ids(request)
    if not ids:
        return []
    return list(
        Comment.objects.filter(
            pk__in=ids, article=article, status__in=[Status.PENDING, Status.SPAM]
        )
    )


@require_GET
def token(request, article_id):
    article = _article(article_id)
    options = options_for(request)
    if not is_open(article, options):
        return _private(JsonResponse({"open": False}))
    return _private(
        JsonResponse(
            {
                "open": True,
                "token": tokens.issue(article.pk),
                "min_seconds": options.min_fill_seconds,
            }
        )
    )


@require_GET
def mine(request, article_id):
    article = _article(article_id)
    pieces = [
        render_to_string(
            "comments/pending_comment.html", {"comment": c}, request=request
        )
        for c in _pending_for(request, article)
    ]
    return _private(JsonResponse({"comments": pieces}))


def _form_page(request, article, form, *, message="", status=200, sent=None):
    options = options_for(request)
    open_ = is_open(article, options)
    context = {
        "article": article,
        "form": form,
        "message": message,
        "comments_open": open_,
        "token": tokens.issue(article.pk) if open_ else "",
        "pending": _pending_for(request, article),
        "sent": sent,
        "minimal": False,
    }
    return _private(render(request, "comments/form_page.html", context, status=status))


@require_GET
def form_page(request, article_id):
    article = _article(article_id)
    initial = {}
    parent = _small_int(request.GET.get("reply", ""))
    if parent:
        initial["parent"] = parent
    sent = request.GET.get("sent") == "1"
    return _form_page(request, article, CommentForm(initial=initial), sent=sent)


def _refuse(request, article, form, message, status, *, code="refused"):
    """The same refusal as JSON for the page script or as the form page (#12)."""
    if answers.wants_json(request):
        return _private(answers.refusal(request, message, status, code=code, form=form))
    return _form_page(request, article, form, message=message, status=status)


@csrf_exempt  # a signed single-use token replaces the CSRF cookie, see docs
@require_POST
def post(request, article_id):
    article = _article(article_id)
    if (_small_int(request.META.get("CONTENT_LENGTH", "")) or 0) > MAX_POST_BYTES:
        if answers.wants_json(request):
            return _private(
                answers.refusal(request, _too_long_message(), 413, code="too_long")
            )
        return _private(
            render(
                request,
                "comments/refused.html",
                {"article": article, "message": _too_long_message()},
                status=413,
            )
        )
    form = CommentForm(request.POST)
    if request.POST.get("homepage"):
        return _refuse(
            request, article, form, _("Your comment could not be sent."), 400
        )
    if not form.is_valid():
        # 422, not 400: the request was well formed, the reader's text is
        # kept and every field says what to fix (#12).
        return _refuse(
            request,
            article,
            form,
            _("Please correct the fields marked below."),
            422,
            code="invalid",
        )
    options = options_for(request)
    try:
        comment = submit(
            article,
            form.cleaned_data,
            ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:500],
            options=options,
            token=form.cleaned_data.get("token"),
        )
    except Refused as refused:
        status = 200 if refused.code == "token_missing" else refused.status
        if refused.code == "closed":
            status = 403
        if answers.wants_json(request) and status == 200:
            status = 422  # the script asks for a token first; a 2xx means stored
        return _refuse(
            request, article, form, refused.message, status, code=refused.code
        )
    logger.info("comment %s stored as %s", comment.pk, comment.status)
    if comment.status == Status.PENDING:
        # The admin's public address, not whatever Host the post came with
        # (#12); a job, so the reader never waits on the mail server (#14).
        alert_editors.enqueue(comment.pk, settings.WAGTAILADMIN_BASE_URL)
    if answers.wants_json(request):
        response = answers.stored(request, article, comment, options)
    else:
        response = redirect(_after_post(request, article, comment))
    if comment.status != Status.APPROVED:
        _remember(response, request, comment)
    return _private(response)


def _after_post(request, article, comment):
    """Where a post without the page script lands (PRG)."""
    if comment.status == Status.APPROVED:
        return article.url + f"#comment-{comment.pk}"
    if request.POST.get("js") == "1":
        return article.url + "#comment-sent"
    return reverse("comments:form", args=[article.pk]) + "?sent=1"


def _small_int(text):
    """A non-negative int below 2**63 from a header or query, else None.

    "²".isdigit() is true and int("²") raises, so isdigit() alone let a
    query string or a Content-Length header raise a 500 (#13).
    """
    try:
        value = int(text)
    except ValueError:
        return None
    return value if 0 <= value < 2**63 else None


def _too_long_message():
    return _(
        "Your comment is far too long to be sent. Comments can be at most "
        "5,000 characters."
    )
