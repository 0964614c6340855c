"""What a comment post answers the article's own script: JSON (#12).

With JavaScript the form is sent with fetch() and the reader stays on the
article, which is a cached page: the answer carries the result (the reader's
pending comment, or the published one, as HTML to insert) or the messages to
show beside the fields. Without JavaScript the same view answers with pages
(views._form_page and a redirect), so both paths share every check.
"""

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from nashra.comments.models import Status
from nashra.comments.threads import Node, is_open
from nashra.core.display import site_number

SHOWN_FIELDS = ("name", "email", "website", "body")


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def refusal(request, message, status, *, code="refused", form=None):
    """A refused post: one message, plus one per field the reader can fix."""
    errors = {}
    if form is not None:
        for name, messages in form.errors.items():
            text = site_number(request, " ".join(str(m) for m in messages))
            if name in SHOWN_FIELDS:
                errors[name] = text
            else:  # a tampered hidden field: said once, at the top
                message = f"{message} {text}"
    return JsonResponse(
        {
            "status": "invalid" if errors else "refused",
            "code": code,
            "message": site_number(request, str(message)),
            "errors": errors,
        },
        status=status,
    )


def stored(request, article, comment, options):
    """A stored comment, as the reader will see it on the article."""
    if comment.status == Status.APPROVED:
        html = render_to_string(
            "comments/comment.html",
            {
                "node": Node(comment),
                "comments_open": is_open(article, options),
                "max_depth": options.max_depth,
            },
            request=request,
        )
        status, message = "published", _("Your comment is published.")
    else:
        # Spam is shown to its writer as pending, as on the no-JS page.
        html = render_to_string(
            "comments/pending_comment.html", {"comment": comment}, request=request
        )
        status, message = "pending", _("Your comment is awaiting moderation.")
    return JsonResponse(
        {"status": status, "id": comment.pk, "message": message, "html": html},
        status=201,
    )
