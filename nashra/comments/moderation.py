"""Moderators' decisions: status changes, staff replies; counts and spam model follow (#3)."""

from django.db import transaction

from nashra.comments import counts, spamstore
from nashra.comments.models import Comment, Status


def set_status(comments, status):
    """Move comments to ``status``; the spam filter learns approve/spam verdicts."""
    comments = list(comments)
    changed = [c for c in comments if c.status != status]
    if not changed:
        return 0
    with transaction.atomic():
        Comment.objects.filter(pk__in=[c.pk for c in changed]).update(status=status)
    for comment in changed:
        comment.status = status
    spamstore.learn(changed)
    for article_id in {c.article_id for c in changed}:
        counts.refresh(article_id)
    return len(changed)


def delete(comments):
    comments = list(comments)
    articles = {c.article_id for c in comments}
    Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
    for article_id in articles:
        counts.refresh(article_id)
    return len(comments)


def staff_reply(parent, user, body):
    """Publish a reply from the newsroom under ``parent``, marked as staff."""
    name = (user.get_full_name() or user.get_username())[:80]
    reply = Comment.objects.create(
        article_id=parent.article_id,
        parent=parent,
        root=parent.root or parent,
        depth=parent.depth + 1,
        name=name,
        email=(user.email or "").lower(),
        body=body,
        status=Status.APPROVED,
        is_staff_reply=True,
        user=user,
    )
    if parent.status != Status.APPROVED:
        # Replying is approving: a published answer to a hidden question is noise.
        set_status([parent], Status.APPROVED)
    counts.refresh(parent.article_id)
    return reply
