"""The comments of a batch of new posts: WordPress comments mapped here,
written by nashra.comments.bulk, recorded in the ledger (#7, #13)."""

from django.contrib.contenttypes.models import ContentType

from nashra.comments.bulk import import_comments
from nashra.core.rows import insert_rows

from . import comments as comment_import
from .ledger import checksum
from .models import ImportedObject


def import_batch(run, planned) -> dict[int, int]:
    """Comments of the new articles, parents before replies; returns their
    approved counts, for the cache once the batch is committed."""
    model = run.comment_model
    if model is None:
        for p in planned:
            comment_import.skip_all(
                run, p.item, "the comments app has no database table yet"
            )
        return {}
    made: dict[int, object] = {}
    rows = []
    for p in planned:
        for comment in comment_import.parents_first(p.item.comments):
            if comment_import.refused(run.report, comment):
                continue
            target = _comment(run, model, p, comment, made)
            made[comment.wp_id] = target
            rows.append((p, comment, target))
    closed = frozenset(p.page.pk for p in planned if p.item.comment_status == "closed")
    found = import_comments([target for *_, target in rows], closed=closed)
    comment_type = ContentType.objects.get_for_model(model) if rows else None
    insert_rows(
        ImportedObject,
        [
            ImportedObject(
                source=run.ledger.source,
                kind="comment",
                wp_key=str(comment.wp_id),
                content_type=comment_type,
                object_id=target.pk,
                checksum=checksum(comment, p.page.pk, target.parent_id),
            )
            for p, comment, target in rows
        ],
    )
    if rows:
        run.report.count("comments", "created", len(rows))
    return found


def _comment(run, model, p, comment, made):
    """One unsaved comment; its parent from this batch or an earlier import."""
    parent = made.get(comment.parent_id) if comment.parent_id else None
    if comment.parent_id and parent is None:
        parent_id = run.ledger.target_id("comment", comment.parent_id)
        parent = model.objects.filter(pk=parent_id).first() if parent_id else None
        if parent is None:
            run.report.problem(f"comment {comment.wp_id}", "comment",
                               f"reply to missing comment {comment.parent_id}")  # fmt: skip
    return model(
        article_id=p.page.pk,
        parent=parent,
        name=(comment.author or "—")[:80],
        email=comment.email[:254],
        website=comment.url[:600] if comment.url.startswith("http") else "",
        body=comment.content,
        status=comment_import.STATES.get(comment.approved, "pending"),
        ip=comment_import.ip_or_none(comment.ip),
        created_at=comment.date_gmt or None,
    )
