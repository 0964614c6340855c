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
        article_id=article_id, status=Status.APPROVED, erased=False
    ).count()
    thread, created = CommentThread.objects.get_or_create(
        page_id=article_id, defaults={"approved_count": count}
    )
    if not created and thread.approved_count != count:
        CommentThread.objects.filter(pk=article_id).update(approved_count=count)
    cache.set(_key(article_id), count, timeout=TIMEOUT)
    comments_changed.send(sender=Comment, article_id=article_id)
    return count


def set_many(found):
    """Cache {article id: published comments} written in bulk (comments.bulk),
    once the rows are committed: refresh() without a query per article."""
    cache.set_many({_key(pk): n for pk, n in found.items()}, timeout=TIMEOUT)


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
    return published_counts([article_id])[article_id]


def published_counts(article_ids):
    """{article id: published comments} for several articles, one round trip.

    A listing asks for all its cards at once: a round trip per card cost a
    section page on Redis more than a millisecond of CPU (#8).
    """
    keys = {_key(pk): pk for pk in article_ids}
    found = cache.get_many([*keys, WARM_KEY])
    if found.get(WARM_KEY) is None and len(found) < len(keys):
        warm = _warm()
        return {pk: warm.get(pk, 0) for pk in article_ids}
    return {pk: found.get(key, 0) for key, pk in keys.items()}


def forget_warm_counts():
    """After bulk writes that bypass refresh() (`nashra generate`): the next
    card loads every count again instead of reading a missing one as zero."""
    cache.delete(WARM_KEY)
