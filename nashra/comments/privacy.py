"""Commenters' personal data: keyed avatar seeds, IP trimming, export and erasure (#3)."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from nashra.comments.models import Comment
from nashra.text.scrub import truncate_ip


def avatar_seed(email):
    """HMAC of the e-mail: stable per commenter, useless for finding the address."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (email or "").lower().encode(), hashlib.sha256).hexdigest()[
        :16
    ]


def short_hash(value):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (value or "").encode(), hashlib.sha256).hexdigest()[:16]


# Keep only the network: the last IPv4 octet, the last 80 IPv6 bits go (the
# same truncation the request log applies).
anonymise_ip = truncate_ip


def anonymise_old_ips(days, *, now=None):
    """Trim the IPs of comments older than ``days``; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    done = 0
    old = Comment.objects.filter(ip_anonymised=False, created_at__lt=cutoff)
    for pk, ip in old.values_list("pk", "ip").iterator():
        Comment.objects.filter(pk=pk).update(
            ip=anonymise_ip(ip) if ip else None, ip_anonymised=True
        )
        done += 1
    return done


def _of_address(email):
    """Comments of one address in any case: the form lowercases addresses,
    but comments imported from WordPress keep the case the reader typed,
    and an access or erasure request must reach them too (#13)."""
    return Comment.objects.filter(email__iexact=email.strip())


def export_for_email(email):
    """Every comment stored for one address, as JSON-ready dicts (GDPR access)."""
    rows = _of_address(email).select_related("article")
    return [
        {
            "id": c.pk,
            "article": c.article.title,
            "article_url": c.article.full_url,
            "name": c.name,
            "email": c.email,
            "website": c.website,
            "comment": c.body,
            "status": c.status,
            "ip": c.ip,
            "created_at": c.created_at.isoformat(),
        }
        for c in rows.order_by("created_at")
    ]


def erase_for_email(email):
    """Erase every comment of one address; returns how many.

    A comment that other readers answered is emptied, not deleted: deleting
    it would take their replies with it. Everything that was the writer's
    (name, address, site, words, IP) goes either way.
    """
    from nashra.comments import counts

    with transaction.atomic():
        mine = list(_of_address(email).select_for_update().only("pk", "article_id"))
        ids = {c.pk for c in mine}
        answered = _answered_by_others(ids)
        Comment.objects.filter(pk__in=ids - answered).delete()
        Comment.objects.filter(pk__in=answered).update(
            erased=True, name="", email="", website="", body="", ip=None,
            ip_anonymised=True, user_agent_hash="", user=None, trained_as="",
        )  # fmt: skip
    for article_id in {c.article_id for c in mine}:
        counts.refresh(article_id)
    return len(ids)


def _answered_by_others(ids):
    """Of these comments, those under which someone else's reply remains."""
    mine = Comment.objects.filter(pk__in=ids).values_list("pk", "root_id")
    roots = {root or pk for pk, root in mine}
    parents = dict(
        Comment.objects.filter(Q(pk__in=roots) | Q(root__in=roots)).values_list(
            "pk", "parent_id"
        )
    )
    kept = set()
    for pk, parent in parents.items():
        if pk in ids:
            continue
        while parent is not None:  # climb from each other reader's comment
            if parent in ids:
                kept.add(parent)
            parent = parents.get(parent)
    return kept
