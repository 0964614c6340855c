"""Bans in an HTTP cache in front (Varnish), by the page cache's own groups (#16).

Each shareable response names, in ``X-Nashra-Groups``, the groups it was
built from, hashed (a tag's group holds its Arabic slug, and header values
are Latin-1). When groups are bumped, every cache in NASHRA_VARNISH_URLS is
sent one ``BAN`` whose ``X-Ban-Groups`` matches exactly the copies built
from them, whatever their URL or query string: the listing's page 7, the
feed, the home page. docs/varnish.vcl turns the request into a ban and
strips the header from what readers get. The same bump that invalidates
the application's page cache sends it, once when the change is made and
again after its commit (core/invalidate.py says why), so Varnish never
keeps a copy the application would not.

Bans go out on a thread of their own with a short timeout: a cache that is
down or slow never holds up an editor's publish (copies then expire after
s-maxage), and every failure is logged.
"""

import hashlib
import logging
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

from nashra.core import groups

logger = logging.getLogger(__name__)

GROUPS_HEADER = "X-Nashra-Groups"
BAN_HEADER = "X-Ban-Groups"
TIMEOUT_SECONDS = 2
# Bookkeeping names, never in a response's dependencies.
NOT_GROUPS = {groups.CLOCK, groups.GENERATION}

_sender = ThreadPoolExecutor(max_workers=2, thread_name_prefix="nashra-ban")


def targets():
    return getattr(settings, "PAGE_CACHE_PURGE_URLS", ())


def tag(group):
    return hashlib.blake2b(group.encode(), digest_size=6).hexdigest()


def groups_header(names):
    """``,t1,t2,`` — commas at both ends, so a ban matches whole tags."""
    tags = sorted({tag(name) for name in names if name not in NOT_GROUPS})
    return "," + ",".join(tags) + ","


def ban_pattern(names):
    """The regular expression a ban matches ``X-Nashra-Groups`` against."""
    tags = sorted({tag(name) for name in names if name not in NOT_GROUPS})
    return ",(" + "|".join(tags) + "),"


def label(response, names):
    if targets():
        response[GROUPS_HEADER] = groups_header(names)


def send_ban(url, pattern):
    request = urllib.request.Request(  # noqa: S310  (the operator's URL)
        url, method="BAN", headers={BAN_HEADER: pattern}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:  # noqa: S310
            answer.read()
    except OSError as error:
        logger.warning("HTTP cache ban failed at %s: %s", url, error)


def on_groups_bumped(sender, groups, **kwargs):
    names = set(groups) - NOT_GROUPS
    if not names or not targets():
        return
    pattern = ban_pattern(names)
    for url in targets():
        _sender.submit(send_ban, url, pattern)
