"""Signed links in newsletter e-mail: confirm a subscription, leave a list (#19).

The confirmation link names the subscriber and the lists they asked for and
expires; the unsubscribe link never does (it sits in every old e-mail), and
both are refused when altered.
"""

from django.core import signing

CONFIRM_SALT = "nashra.newsletters.confirm"
LEAVE_SALT = "nashra.newsletters.leave"
CONFIRM_AGE = 7 * 24 * 60 * 60  # seconds: a week to find the message


class BadLink(Exception):
    """A link that is forged, mangled or too old."""


def confirm_token(subscriber_id, list_ids):
    return signing.dumps(
        {"s": subscriber_id, "l": sorted(list_ids)}, salt=CONFIRM_SALT, compress=True
    )


def read_confirm(token):
    """(subscriber id, list ids) or BadLink."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_AGE)
    except signing.BadSignature:
        raise BadLink from None
    subscriber, lists = _fields(payload, "s", "l")
    if not isinstance(subscriber, int) or not all(isinstance(i, int) for i in lists):
        raise BadLink
    return subscriber, lists


def leave_token(subscriber_id, list_id):
    return signing.Signer(salt=LEAVE_SALT).sign(f"{subscriber_id}.{list_id}")


def read_leave(token):
    """(subscriber id, list id) or BadLink."""
    try:
        value = signing.Signer(salt=LEAVE_SALT).unsign(token)
        subscriber, list_id = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError):
        raise BadLink from None
    return subscriber, list_id


def _fields(payload, *names):
    if not isinstance(payload, dict):
        raise BadLink
    try:
        return [payload[name] for name in names]
    except KeyError:
        raise BadLink from None
