"""View counts batched through the cache, flushed to the database (#4).

A beacon from the article page calls ``record_view``: one cache increment,
no database write. Counts go into a numbered *generation* of cache keys; the
scheduler thread calls ``flush_views`` every interval, which opens the next
generation and writes out the one before the current, a full interval after
its last writer, so no increment is lost to the hand-over.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from nashra.articles.models import ArticlePage, DailyViews

GENERATION = "nashra:views:generation"
FLUSH_LOCK = "nashra:views:flush"
KEY_TIMEOUT = 60 * 60 * 24
# Crawlers, link previews and scripted clients: they are not readers.
BOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"curl|wget|python-|httpclient|go-http|java/|libwww|headless|lighthouse",
    re.IGNORECASE,
)


# Its own cache (settings.CACHES["views"]): junk counts evict nothing else.
cache = caches["views"]


def within_limit(network, minute=None):
    """True while ``network`` (a truncated client address) has sent at most
    BEACON_LIMIT beacons this minute: a script cannot inflate a count."""
    minute = minute if minute is not None else int(timezone.now().timestamp() // 60)
    key = f"nashra:beacons:{network}:{minute}"
    if cache.add(key, 1, 120):
        return True
    try:
        return cache.incr(key) <= settings.BEACON_LIMIT
    except ValueError:
        return True


def is_bot(user_agent):
    return not user_agent or bool(BOT_AGENTS.search(user_agent))


def _generation():
    return cache.get_or_set(GENERATION, 1, None)


def record_view(page_id, day=None):
    """Count one view of ``page_id`` today; a few cache calls, no SQL."""
    generation = _generation()
    day = (day or timezone.localdate()).isoformat()
    key = f"nashra:views:{generation}:{page_id}:{day}"
    if cache.add(key, 1, KEY_TIMEOUT):
        # First view in this generation: remember the key for the flush.
        cache.add(f"nashra:views:{generation}:n", 0, KEY_TIMEOUT)
        slot = cache.incr(f"nashra:views:{generation}:n")
        cache.set(f"nashra:views:{generation}:slot:{slot}", key, KEY_TIMEOUT)
    else:
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, KEY_TIMEOUT)


def _pending(generation):
    count = cache.get(f"nashra:views:{generation}:n") or 0
    slots = [f"nashra:views:{generation}:slot:{n}" for n in range(1, count + 1)]
    keys = [key for key in cache.get_many(slots).values() if key]
    counts = cache.get_many(keys)
    cache.delete_many([*slots, *keys, f"nashra:views:{generation}:n"])
    totals = {}
    for key, views in counts.items():
        _, _, _, page_id, day = key.split(":")
        totals[(int(page_id), day)] = views
    return totals


def _write(totals):
    known = set(
        ArticlePage.objects.filter(pk__in={pk for pk, _ in totals}).values_list(
            "pk", flat=True
        )
    )
    with transaction.atomic():
        for (page_id, day), views in totals.items():
            if page_id not in known:
                continue  # a made-up id sent to the beacon
            updated = DailyViews.objects.filter(page_id=page_id, day=day).update(
                views=F("views") + views
            )
            if not updated:
                DailyViews.objects.create(page_id=page_id, day=day, views=views)


def flush_views(*, drain=False):
    """Write batched counts to DailyViews; returns the number of rows touched.

    ``drain=True`` also flushes the current generation (tests, shutdown).
    """
    if not cache.add(FLUSH_LOCK, 1, 30):
        return 0
    try:
        current = _generation()
        cache.set(GENERATION, current + 1, None)
        generations = [current - 1, current] if drain else [current - 1]
        totals = {}
        for generation in generations:
            for key, views in _pending(generation).items():
                totals[key] = totals.get(key, 0) + views
        if totals:
            _write(totals)
        return len(totals)
    finally:
        cache.delete(FLUSH_LOCK)


def most_read(site_root, days, limit):
    """Page ids of the most read articles under ``site_root`` over the last
    ``days`` days (1 = today), most views first, with their views.

    One query, and a second while the readers' own counts fill fewer than
    ``limit`` places: the rest come from the all-time counts imported with
    the articles (#21), so a site moved from WordPress shows its most read
    on the first day without daily history made up for it.
    """
    since = timezone.localdate() - timedelta(days=days - 1)
    rows = (
        DailyViews.objects.filter(day__gte=since, page__path__startswith=site_root.path)
        .values("page_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-page_id")[:limit]
    )
    ranked = [(row["page_id"], row["total"]) for row in rows]
    if len(ranked) < limit:
        ranked += _imported_ranking(site_root, limit, {pk for pk, _ in ranked})
    return ranked[:limit]


def _imported_ranking(site_root, limit, taken):
    """Live articles by the views they brought from the old site."""
    rows = (
        ArticlePage.objects.live()
        .filter(imported_views__gt=0, path__startswith=site_root.path)
        .exclude(pk__in=taken)
        .order_by("-imported_views", "-page_ptr")
        .values_list("pk", "imported_views")[: limit - len(taken)]
    )
    return list(rows)
