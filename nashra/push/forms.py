"""Reading a browser's push subscription from the opt-in POST (#19).

The body is the JSON of PushSubscription.toJSON() plus the reader's choice:
``{"endpoint": "https://…", "keys": {"p256dh": "…", "auth": "…"},
"breaking": true, "sections": [12, 14]}``.
"""

import base64
import binascii
import json
from urllib.parse import urlsplit


class BadSubscription(ValueError):
    pass


def _key(value, size):
    """A base64url key of ``size`` bytes, as the browser sends it."""
    if not isinstance(value, str) or len(value) > 200:
        raise BadSubscription
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError) as error:
        raise BadSubscription from error
    if len(raw) != size:
        raise BadSubscription
    return value


def read(body, section_ids):
    """The fields of a PushSubscription, or BadSubscription."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadSubscription from error
    if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
        raise BadSubscription
    endpoint = data.get("endpoint")
    # Push services are https; anything else would make the site a proxy.
    if not isinstance(endpoint, str) or len(endpoint) > 1000:
        raise BadSubscription
    parts = urlsplit(endpoint)
    if parts.scheme != "https" or not parts.hostname:
        raise BadSubscription
    sections = data.get("sections", [])
    breaking = data.get("breaking", False)
    if not isinstance(sections, list) or not isinstance(breaking, bool):
        raise BadSubscription
    if any(type(s) is not int or s not in section_ids for s in sections):
        raise BadSubscription
    if not breaking and not sections:
        raise BadSubscription
    return {
        "endpoint": endpoint,
        "p256dh": _key(data["keys"].get("p256dh"), 65),
        "auth": _key(data["keys"].get("auth"), 16),
        "breaking": breaking,
        "sections": sections,
    }
