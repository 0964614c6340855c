"""WordPress comments → the comments app, threads and moderation state kept (#7).

Pingbacks and trackbacks are skipped with a reason: they are notices from
other blogs, not readers' words, and the comments app has no kind for them.
Comments on WordPress pages are skipped too: only articles take comments.
"""

import ipaddress

from django.db import connection, transaction

from nashra.articles.models import ArticlePage
from nashra.comments.counts import refresh
from nashra.comments.models import Comment, CommentThread

from .ledger import checksum

STATES = {"1": "approved", "0": "pending", "spam": "spam", "trash": "trash",
          "post-trashed": "trash"}  # fmt: skip
ORDINARY = {"", "comment"}


def comments_model():
    """The comments app's Comment model, or None while it has no table."""
    if Comment._meta.db_table not in connection.introspection.table_names():
        return None
    return Comment


def skip_all(run, item, reason: str) -> None:
    if item.comments:
        run.report.count("comments", "skipped", len(item.comments))
        run.report.problem(item.wp_id, "comments",
                           f"{len(item.comments)} comments not imported: {reason}")  # fmt: skip


def parents_first(comments) -> list:
    """Comments ordered so each comes after the one it replies to."""
    by_id = {c.wp_id: c for c in comments if c.wp_id is not None}
    ordered, seen = [], set()

    def visit(comment, trail):
        if id(comment) in seen or id(comment) in trail:
            return
        parent = by_id.get(comment.parent_id)
        if parent is not None:
            visit(parent, trail | {id(comment)})
        seen.add(id(comment))
        ordered.append(comment)

    for comment in comments:
        visit(comment, frozenset())
    return ordered


def import_comments(run, item, page) -> None:
    if run.comment_model is not None and isinstance(page, ArticlePage):
        _thread_state(page, item.comment_status)
    if not item.comments:
        return
    if run.comment_model is None:
        skip_all(run, item, "the comments app has no database table yet")
        return
    if not isinstance(page, ArticlePage):
        skip_all(run, item, "pages take no comments")
        return
    with transaction.atomic():
        for comment in parents_first(item.comments):
            _import_one(run, item, page, comment)
        refresh(page.pk)


def refused(report, comment) -> bool:
    """Whether the comment cannot be imported; if so, it is counted as
    skipped and its reason reported (one-by-one and batch paths alike)."""
    if comment.type not in ORDINARY:
        reason = f"{comment.type[:20]} not imported"
    elif comment.wp_id is None:
        reason = "no comment id"
    else:
        return False
    report.problem(f"comment {comment.wp_id}", "comment", reason)
    report.count("comments", "skipped")
    return True


def _import_one(run, item, page, comment) -> None:
    report = run.report
    label = f"comment {comment.wp_id}"
    if refused(report, comment):
        return
    model = run.comment_model
    parent_id = (
        run.ledger.target_id("comment", comment.parent_id)
        if comment.parent_id
        else None
    )
    digest = checksum(comment, page.pk, parent_id)
    row = run.ledger.find("comment", comment.wp_id)
    target = model.objects.filter(pk=row.object_id).first() if row else None
    if target is not None and row.checksum == digest:
        report.count("comments", "unchanged")
        return
    outcome = "updated" if target else "created"
    target = target or model()
    parent = model.objects.filter(pk=parent_id).first() if parent_id else None
    if comment.parent_id and parent is None:
        report.problem(
            label, "comment", f"reply to missing comment {comment.parent_id}"
        )
    target.article_id = page.pk
    target.parent = parent
    target.root_id = (parent.root_id or parent.pk) if parent else None
    target.depth = parent.depth + 1 if parent else 1
    target.name = (comment.author or "—")[:80]
    target.email = comment.email[:254]
    target.website = comment.url[:600] if comment.url.startswith("http") else ""
    target.body = comment.content
    target.status = STATES.get(comment.approved, "pending")
    target.ip = ip_or_none(comment.ip)
    target.save()
    if comment.date_gmt:
        # created_at is auto_now_add: set the WordPress date after the insert.
        model.objects.filter(pk=target.pk).update(created_at=comment.date_gmt)
    run.ledger.record(row, "comment", comment.wp_id, target, digest)
    report.count("comments", outcome)


def ip_or_none(text: str):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def _thread_state(page, comment_status: str) -> None:
    """WordPress's per-post "comments closed" becomes the article's switch."""
    if comment_status != "closed":
        return
    CommentThread.objects.update_or_create(page_id=page.pk, defaults={"is_open": False})
