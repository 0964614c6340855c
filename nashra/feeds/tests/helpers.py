"""A newspaper with secrets in it: a draft, a scheduled article, and the body reader."""

from datetime import timedelta

from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.core.tests.factories import build_newspaper

DRAFT_TITLE = "مسودة-سرية-لا-تنشر-7Q"
SCHEDULED_TITLE = "خبر-مجدول-للغد-9Z"
DRAFT_TAG = "وسم-المسودة-فقط"


def body(response):
    """The whole body, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def newspaper_with_secrets(**kwargs):
    paper = build_newspaper(**kwargs)
    paper["draft"] = create_article(
        paper["world"],
        DRAFT_TITLE,
        slug="draft-secret",
        publish=False,
        tags=[DRAFT_TAG],
        authors=[paper["author"]],
    )
    scheduled = create_article(
        paper["culture"],
        SCHEDULED_TITLE,
        slug="scheduled-secret",
        publish=False,
    )
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    paper["scheduled"] = scheduled
    return paper


COMMENTER_EMAIL = "leak-canary-4417@example.org"
COMMENTER_IP = "198.51.100.213"
PENDING_BODY = "تعليق-معلق-لم-يوافق-عليه"


def add_comments(article):
    """An approved comment and a pending one, both with unmistakable e-mail and IP."""
    from nashra.comments.models import Comment, Status

    approved = Comment.objects.create(
        article=article,
        name="قارئ متابع",
        email=COMMENTER_EMAIL,
        ip=COMMENTER_IP,
        body="تعليق منشور\nفي سطرين https://example.com/x",
        status=Status.APPROVED,
    )
    pending = Comment.objects.create(
        article=article,
        name="قارئ آخر",
        email=COMMENTER_EMAIL,
        ip=COMMENTER_IP,
        body=PENDING_BODY,
    )
    return approved, pending
