"""E-mail the section's editors when a comment waits for them (#3).

A background job (#14): the post only queues `alert_editors`; the worker
finds the editors, writes the message and queues its delivery.
"""

import logging
import smtplib

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.permission_policies.pages import PagePermissionPolicy

from nashra.comments.models import Comment, Status
from nashra.queue.background import background

logger = logging.getLogger(__name__)


def editors_of(article):
    """Active users who may edit the article's section, with an address."""
    section = article.section or article.get_parent()
    users = PagePermissionPolicy().users_with_permission_for_instance("change", section)
    return sorted({u.email for u in users if u.is_active and u.email})


def notify_pending(comment, base_url):
    article = comment.article
    recipients = editors_of(article)
    if not recipients:
        return 0
    context = {
        "comment": comment,
        "article": article,
        "queue_url": base_url + reverse("comments_admin:queue"),
    }
    subject = _("New comment awaiting moderation: %(title)s") % {
        "title": article.title[:80]
    }
    body = render_to_string("comments/email_pending.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    # A mail server outage must not lose the reader's comment, only the alert
    # (with the queued backend, delivery is a job of its own and is retried).
    except (OSError, smtplib.SMTPException):
        logger.warning("could not e-mail editors about comment %s", comment.pk)
        return 0
    return len(recipients)


@background(label=gettext_lazy("Tell the editors about a comment"))
def alert_editors(comment_id, base_url):
    """The job the comment form queues; a comment moderated or deleted
    before the worker reached it needs no alert."""
    comment = (
        Comment.objects.filter(pk=comment_id, status=Status.PENDING)
        .select_related("article")
        .first()
    )
    if comment is None:
        return 0
    return notify_pending(comment, base_url)
