"""The site's VAPID key (#19): settings.VAPID_PRIVATE_KEY, a PEM.

Browsers subscribe with the public half (the "applicationServerKey", an
uncompressed P-256 point in base64url); every push is signed with the
private half, so the push service accepts it only from this site.
"""

import base64
from functools import cache

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid


@cache
def _vapid(pem):
    return Vapid.from_pem(pem.encode())


def vapid():
    return _vapid(settings.VAPID_PRIVATE_KEY)


def public_key():
    """The applicationServerKey that the page hands to pushManager.subscribe."""
    point = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode()
