"""A CDN or HTTP cache purged by URL, through Wagtail's frontend-cache module (#16).

Varnish takes bans by cache group (purge.py); Cloudflare, CloudFront and
caches taking HTTP PURGE forget copies by URL only. So each node records,
in Redis, under each group a shareable response was built from, the
absolute URL it answered (query string included: the CDN keeps one copy
per URL). When groups are bumped, the URLs on their lists, each once, are
taken off every list and go to ``purge_urls_from_cache``: one task on the queue, run by any node's
worker, which hands them to every backend of WAGTAILFRONTENDCACHE (set from
NASHRA_FRONTEND_CACHE in settings.py).

Once per change: bump() runs inside the editor's transaction and again
after its commit (core/invalidate.py), and one publish bumps more than
once. A purge before the commit would let the CDN fetch the old page
again, so only runs outside a transaction purge, and a URL once purged is
off the lists until a node serves it again. A page served from the page
cache is not recorded again (a hit costs no Redis write): keep tracking
parameters (utm_*) out of the CDN's cache key, as the page cache does. Wagtail's own app (and its page_published handler) is not
installed: it would purge the same pages a second time, and only pages.

A list lives as long as a CDN may serve what it names: s-maxage, then
stale-while-revalidate, then stale-if-error (a day). Recording costs one
Redis round trip per stored page, none on a hit.
"""

from django.conf import settings
from django.db import transaction

from nashra.core import groups, shared
from nashra.core.cache import guarded

NOT_GROUPS = {groups.CLOCK, groups.GENERATION}
STALE_IF_ERROR = 86400


# The URLs on the lists of KEYS, each removed from every list it is on:
# taken once, so the next bump of the same change finds nothing left to
# purge, and a page rendered after it is recorded afresh.
TAKE = """
local urls = redis.call('SUNION', unpack(KEYS))
for _, url in ipairs(urls) do
  local on = ARGV[1] .. url
  for _, group in ipairs(redis.call('SMEMBERS', on)) do
    redis.call('SREM', ARGV[2] .. group, url)
  end
  redis.call('DEL', on)
end
return urls
"""


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None)) and bool(
        settings.REDIS_URL
    )


def lists_prefix():
    return shared.key("pagecache:cdn-urls:")


def groups_prefix():
    return shared.key("pagecache:cdn-groups:")


def lifetime():
    return 2 * getattr(settings, "PAGE_CACHE_CDN_MAX_AGE", 60) + STALE_IF_ERROR


def record(request, names):
    """Remember ``request``'s URL under each of ``names``, and which lists
    it is on."""
    if not enabled():
        return
    url = request.build_absolute_uri()
    names = sorted(set(names) - NOT_GROUPS)
    if not names:
        return

    def write():
        pipe = shared.client().pipeline(transaction=False)
        for name in names:
            pipe.sadd(lists_prefix() + name, url)
            pipe.expire(lists_prefix() + name, lifetime())
        pipe.sadd(groups_prefix() + url, *names)
        pipe.expire(groups_prefix() + url, lifetime())
        pipe.execute()

    guarded(write, None)


def take(names):
    """Every URL recorded under any of ``names``, once, sorted; forgotten."""
    names = sorted(set(names) - NOT_GROUPS)
    if not names:
        return []

    def run():
        keys = [lists_prefix() + name for name in names]
        return shared.client().eval(
            TAKE, len(keys), *keys, groups_prefix(), lists_prefix()
        )

    return sorted(url.decode() for url in guarded(run, None) or [])


def on_groups_bumped(sender, groups, **kwargs):
    if not enabled() or transaction.get_connection().in_atomic_block:
        return  # the bump's after-commit run purges
    urls = take(groups)
    if urls:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(urls)
