"""The newsroom's spam filter: loaded once per process, retrained on decisions (#3).

A process reloads it when the version of its group moves: in the version
store every worker shares (Redis, or the SQLite file of `serve --production`
without it), so a retraining reaches every worker, not only its own (#17).
"""

from django.db import transaction

from nashra.comments.models import Comment, SpamModel, Status
from nashra.core import invalidate, versions
from nashra.text.spam import SpamFilter

GROUP = "comments:spam-filter"
_memo = {"version": None, "filter": None}


def _meta(comment):
    return {"website": comment.website, "name": comment.name}


def load_filter():
    """The current filter; re-read from the database only after a change."""
    # Read before the row: a retraining in between moves it again.
    version = versions.current(GROUP)
    if _memo["filter"] is not None and version == _memo["version"]:
        return _memo["filter"]
    row = SpamModel.objects.order_by("pk").first()
    spam_filter = SpamFilter.from_json(row.data) if row else SpamFilter()
    _memo.update(version=version, filter=spam_filter)
    return spam_filter


def _save(spam_filter, row):
    if row is None:
        row = SpamModel(data=spam_filter.to_json())
    row.data = spam_filter.to_json()
    row.save()
    invalidate.bump({GROUP})


def learn(comments):
    """Teach the filter the current approve/spam status of ``comments``."""
    comments = [c for c in comments if _label(c) != c.trained_as]
    if not comments:
        return
    with transaction.atomic():
        row = SpamModel.objects.select_for_update().order_by("pk").first()
        spam_filter = SpamFilter.from_json(row.data) if row else SpamFilter()
        for comment in comments:
            if comment.trained_as:
                try:
                    spam_filter.untrain(
                        comment.body,
                        is_spam=comment.trained_as == "spam",
                        meta=_meta(comment),
                    )
                except ValueError:
                    pass  # retrained from scratch since; nothing to undo
            label = _label(comment)
            if label:
                spam_filter.train(
                    comment.body, is_spam=label == "spam", meta=_meta(comment)
                )
            comment.trained_as = label
            Comment.objects.filter(pk=comment.pk).update(trained_as=label)
        _save(spam_filter, row)


def _label(comment):
    if comment.status == Status.APPROVED:
        return "ham"
    if comment.status == Status.SPAM:
        return "spam"
    # Trash and pending are no verdict on spamminess: keep what was learnt.
    return comment.trained_as


def retrain_all():
    """Rebuild the filter from every approved and spam comment; returns counts."""
    spam_filter = SpamFilter()
    decided = Comment.objects.filter(
        status__in=[Status.APPROVED, Status.SPAM], erased=False
    )
    for comment in decided.only("body", "website", "name", "status").iterator():
        spam_filter.train(
            comment.body, is_spam=comment.status == Status.SPAM, meta=_meta(comment)
        )
    with transaction.atomic():
        Comment.objects.filter(status=Status.APPROVED).update(trained_as="ham")
        Comment.objects.filter(status=Status.SPAM).update(trained_as="spam")
        Comment.objects.exclude(status__in=[Status.APPROVED, Status.SPAM]).update(
            trained_as=""
        )
        row = SpamModel.objects.select_for_update().order_by("pk").first()
        _save(spam_filter, row)
    return spam_filter.ham_count, spam_filter.spam_count
