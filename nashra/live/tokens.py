"""Publishing tokens: handed out once by `nashra token create`, kept as a hash (#15)."""

import hashlib
import secrets

from nashra.live.models import PublishingToken

PREFIX = "nashra_"


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def create(user):
    """A new token for ``user``: the only time its text exists."""
    token = PREFIX + secrets.token_urlsafe(32)
    PublishingToken.objects.create(user=user, digest=digest(token))
    return token


def user_for(header):
    """The active user an ``Authorization: Bearer …`` header names, or None."""
    scheme, _, token = (header or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token.startswith(PREFIX):
        return None
    found = (
        PublishingToken.objects.select_related("user")
        .filter(digest=digest(token), user__is_active=True)
        .first()
    )
    return found.user if found else None
