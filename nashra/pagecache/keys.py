"""Cache keys for whole responses: one per host, path and meaningful query (#8).

Pure Python. Campaign and click-tracking parameters do not change the page,
so ``?utm_source=x`` and the bare URL share one entry instead of letting any
link in a newsletter bypass the cache.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

TRACKING_PREFIXES = ("utm_", "mtm_", "pk_")
TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "ref"}
)


def is_tracking(name):
    lowered = name.lower()
    return lowered in TRACKING_NAMES or lowered.startswith(TRACKING_PREFIXES)


def normalise_query(query_string):
    """The query without tracking parameters, sorted by name, re-encoded.

    Repeated names keep their order: Django reads the last value, so
    "?q=a&q=b" and "?q=b&q=a" are different pages; sorting the pairs whole
    replayed one for the other (#13).
    """
    pairs = parse_qsl(query_string, keep_blank_values=True)
    kept = sorted(
        ((k, v) for k, v in pairs if not is_tracking(k)), key=lambda pair: pair[0]
    )
    return urlencode(kept)


def entry_key(scheme, host, path, query_string, prefix="nashra:pc", day=""):
    """The key of a cached response; hashed, since cache backends limit key length.

    ``day`` is the site's local date: pages print it in their header (#18).
    """
    raw = f"{scheme}://{host.lower()}{path}?{normalise_query(query_string)}#{day}"
    digest = hashlib.blake2b(raw.encode("utf-8"), digest_size=16).hexdigest()
    return f"{prefix}:e:{digest}"
