"""Signed, time-stamped, single-use comment form tokens (#3).

A token is fetched from an uncached endpoint when the reader starts typing
(or is printed on the uncached fallback form page), so cached article HTML is
the same for everyone. It names the article, when it was issued and a random
nonce; the nonce is spent in the database when a comment is stored, so a
replayed form is refused across workers, with or without Redis (#17).
"""

import secrets
import time

from django.core import signing

from nashra.core import marks

SALT = "nashra.comments.form-token"
MAX_AGE = 6 * 60 * 60  # seconds: a form left open over lunch still works


class TokenError(Exception):
    """The form token is missing, forged, expired, reused or for another page."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def issue(article_id, *, now=None):
    issued = int(now if now is not None else time.time())
    payload = {"a": int(article_id), "t": issued, "n": secrets.token_urlsafe(12)}
    return signing.dumps(payload, salt=SALT, compress=False)


def read(token, article_id, *, min_seconds=0, now=None):
    """The token's payload if valid for ``article_id``; raises TokenError."""
    if not token:
        raise TokenError("missing")
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise TokenError("expired") from None
    except signing.BadSignature:
        raise TokenError("forged") from None
    if not isinstance(payload, dict) or payload.get("a") != int(article_id):
        raise TokenError("forged")
    now = now if now is not None else time.time()
    age = now - payload.get("t", 0)
    if age > MAX_AGE:
        raise TokenError("expired")
    if age < min_seconds:
        raise TokenError("too_fast")
    if marks.is_set(_nonce_key(payload)):
        raise TokenError("used")
    return payload


def spend(payload):
    """Mark the token used; False when another request spent it first."""
    return marks.add(_nonce_key(payload), MAX_AGE + 60)


def _nonce_key(payload):
    return f"comments:nonce:{payload.get('n', '')}"
