"""Published-comment counts for article pages and cards in constant queries (#3).

Counts live in CommentThread.approved_count, kept by :func:`refresh`, and are
mirrored in the shared cache. A card asks the cache; on a cold cache the first
card of a request loads every non-zero count in one query, so a listing of any
length costs at most one query.
"""

from django.core.cache import cache
from django.dispatch import Signal

from nashra.comments.models import Comment, CommentThread, Status

# Sent with article_id after every recount, so the page cache (#8) can drop
# the pages that show the thread or the count (moderation uses update()).
comments_changed = Signal()

WARM_KEY = "nashra:comments:counts-warm"
TIMEOUT = 24 * 60 * 60


def _key(article_id):
    return f"nashra:comments:count:{article_id}"


def refresh(article_id):
    """Recount one article's published comments after a change."""
    count = Comment.objects.filter(
        article_id=article_id, status=Status.APPROVED
    ).count()
    thread, created = CommentThread.objects.get_or_create(
        page_id=article_id, defaults={"approved_count": count}
    )
    if not created and thread.approved_count != count:
        CommentThread.objects.filter(pk=article_id).update(approved_count=count)
    cache.set(_key(article_id), count, timeout=TIMEOUT)
    comments_changed.send(sender=Comment, article_id=article_id)
    return count


def _warm():
    counts = dict(
        CommentThread.objects.filter(approved_count__gt=0).values_list(
            "page_id", "approved_count"
        )
    )
    cache.set_many({_key(pk): n for pk, n in counts.items()}, timeout=TIMEOUT)
    cache.set(WARM_KEY, 1, timeout=TIMEOUT - 60)
    return counts


def published_count(article_id):
    """The number of published comments on an article."""
    # One round trip, not two: each card on a page asks (#8).
    found = cache.get_many([_key(article_id), WARM_KEY])
    count = found.get(_key(article_id))
    if count is not None:
        return count
    if found.get(WARM_KEY) is not None:
        return 0
    return _warm().get(article_id, 0)


def forget_warm_counts():
    """After bulk writes that bypass refresh() (`nashra generate`): the next
    card loads every count again instead of reading a missing one as zero."""
    cache.delete(WARM_KEY)
