"""Storing a reader's comment: every defence in one place, in order (#3).

Order matters: cheap refusals first, then the atomic marks (flood,
single-use token; rows every worker sees, #17) just before the insert, so a refused form can be
sent again with the same token and two copies of one form store one comment.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from nashra.comments import counts, rules, tokens
from nashra.comments.models import Comment, Status
from nashra.comments.privacy import short_hash
from nashra.comments.spamstore import load_filter
from nashra.comments.threads import is_open
from nashra.core import marks
from nashra.text.comment_text import count_links

TOKEN_MESSAGES = {
    "missing": _("Please confirm sending your comment."),
    "forged": _("This form is not valid for this article. Please send it again."),
    "expired": _("This form has expired. Please send your comment again."),
    "used": _("This comment has already been sent."),
    "too_fast": _("That was very fast. Please wait a moment and send again."),
}


class Refused(Exception):
    """A comment not stored, with the message the reader sees."""

    def __init__(self, message, *, field=None, code="refused", status=400):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code
        self.status = status


def check_parent(article, parent_id, options):
    if not parent_id:
        return None
    parent = Comment.objects.filter(pk=parent_id).first()
    if parent is None or parent.article_id != article.pk:
        raise Refused(_("The comment you are replying to is not on this article."))
    if parent.status != Status.APPROVED:
        raise Refused(_("You can only reply to a published comment."))
    if parent.depth >= max(options.max_depth, 1):
        raise Refused(_("This conversation cannot take more replies."))
    return parent


def _flood(key, seconds):
    return seconds and not marks.add(f"comments:flood:{key}", seconds)


def route(data, ip, options, *, spam_filter=None):
    """("approved"|"pending"|"spam", reason, score) by the newsroom's rules."""
    text = data["body"] + "\n" + data.get("website", "")
    fields = {"name": data["name"], "email": data["email"], "ip": ip or ""}
    blocked = rules.first_match(
        rules.parse_list(options.block_list), text=text, **fields
    )
    if blocked:
        return Status.SPAM, f"block list: {blocked}", None
    spam_filter = spam_filter or load_filter()
    meta = {"website": data.get("website", ""), "name": data["name"]}
    score = spam_filter.score(data["body"], meta) if spam_filter.is_trained else None
    verdict = spam_filter.classify(
        data["body"], meta, hold_at=options.spam_hold_at, spam_at=options.spam_at
    )
    if verdict == "spam":
        return Status.SPAM, "spam filter", score
    held = rules.first_match(rules.parse_list(options.hold_list), text=text, **fields)
    if held:
        return Status.PENDING, f"hold list: {held}", score
    links = count_links(data["body"])
    if links > options.max_links:
        return Status.PENDING, f"{links} links", score
    if verdict == "hold":
        return Status.PENDING, "spam filter", score
    if options.hold_all:
        return Status.PENDING, "", score
    if options.approve_known:
        known = Comment.objects.filter(
            email=data["email"], name=data["name"], status=Status.APPROVED
        ).exists()
        return (Status.APPROVED, "", score) if known else (Status.PENDING, "", score)
    return Status.APPROVED, "", score


def submit(article, data, *, ip, user_agent, options, token):
    """Store the comment or raise Refused; returns the new Comment."""
    if not is_open(article, options):
        raise Refused(_("Comments are closed on this article."), code="closed")
    try:
        payload = tokens.read(token, article.pk, min_seconds=options.min_fill_seconds)
    except tokens.TokenError as error:
        raise Refused(TOKEN_MESSAGES[error.code], code=f"token_{error.code}") from None
    parent = check_parent(article, data.get("parent"), options)
    if Comment.objects.filter(
        article=article, email=data["email"], body=data["body"]
    ).exists():
        raise Refused(_("You have already posted this comment."), code="duplicate")
    seconds = options.flood_seconds
    if _flood(f"ip:{short_hash(ip or '')}", seconds) or _flood(
        f"email:{short_hash(data['email'])}", seconds
    ):
        raise Refused(
            _("You are commenting too quickly. Please wait a few seconds."),
            code="flood",
            status=429,
        )
    if not tokens.spend(payload):
        raise Refused(TOKEN_MESSAGES["used"], code="token_used")
    status, reason, score = route(data, ip, options)
    comment = Comment(
        article=article,
        parent=parent,
        root=(parent.root or parent) if parent else None,
        depth=parent.depth + 1 if parent else 1,
        name=data["name"],
        email=data["email"],
        website=data.get("website", ""),
        body=data["body"],
        status=status,
        ip=ip or None,
        user_agent_hash=short_hash(user_agent)[:16] if user_agent else "",
        spam_score=score,
        hold_reason=reason[:200],
    )
    with transaction.atomic():
        comment.save()
    if status == Status.APPROVED:
        counts.refresh(article.pk)
    return comment
