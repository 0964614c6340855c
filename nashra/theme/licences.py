"""Offline per-domain theme licences signed with Ed25519.

A theme vendor keeps a private key and publishes the public key (base64 of its
raw 32 bytes) in the theme's declaration. For each customer site the vendor
issues a token::

    NASHRA1.<base64url JSON payload>.<base64url Ed25519 signature>

The signature covers "NASHRA1." plus the encoded payload, so neither the
version nor a single payload byte can change unnoticed. Verification needs no
network: a site checks the token against the public key shipped with the theme.

Domains are compared after normalisation (lowercase, no port, no trailing dot,
Unicode labels IDNA-encoded as Django's ``punycode()`` does, so "مثال.com"
and "xn--mgbh0fb.com" are one site). A leading "www." is ignored on both sides,
because newsrooms serve the same site with and without it; other subdomains
need their own licence.

This module has no user-facing text: the Django app maps ``REASONS`` to
translated messages.
"""

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

FORMAT_TAG = "NASHRA1"
# Real tokens are about 250 characters; anything past this is not ours, and
# refusing it early bounds the work done on hostile input.
MAX_TOKEN_LENGTH = 4096
SIGNATURE_LENGTH = 64

REASON_VALID = "valid"
REASON_MALFORMED = "malformed"
REASON_BAD_SIGNATURE = "bad_signature"
REASON_WRONG_THEME = "wrong_theme"
REASON_WRONG_DOMAIN = "wrong_domain"
REASON_EXPIRED = "expired"
REASONS = (
    REASON_VALID,
    REASON_MALFORMED,
    REASON_BAD_SIGNATURE,
    REASON_WRONG_THEME,
    REASON_WRONG_DOMAIN,
    REASON_EXPIRED,
)

_BASE64URL = re.compile(r"[A-Za-z0-9_-]+")
# [0-9], not \d: \d also matches Arabic-Indic digits, which fromisoformat refuses.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ASCII_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*")
_PAYLOAD_KEYS = ("theme", "domain", "expires", "issued")


@dataclass(frozen=True)
class LicenceCheck:
    """Outcome of checking one token; ``expires`` and ``domain`` are filled
    only once the signature is known to be genuine."""

    ok: bool
    reason: str
    expires: date | None = None
    domain: str | None = None


def normalise_domain(domain: str) -> str:
    """ASCII form of a host name: "WWW.مثال.com:8000." -> "www.xn--mgbh0fb.com"."""
    if not isinstance(domain, str):
        raise ValueError(f"domain must be a string, got {type(domain).__name__}")
    host = domain.strip().lower()
    name, colon, port = host.rpartition(":")
    if colon and port.isascii() and port.isdigit():
        host = name
    host = host.rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValueError(f"not a valid domain: {domain!r}") from error
    if not _ASCII_HOST.fullmatch(host):
        raise ValueError(f"not a valid domain: {domain!r}")
    return host


def _site(host: str) -> str:
    return host.removeprefix("www.")


def _b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    if not _BASE64URL.fullmatch(text):
        raise ValueError("not unpadded base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def generate_keypair() -> tuple[str, str]:
    """A new vendor key pair: (private key as PKCS#8 PEM, public key base64)."""
    private_key = Ed25519PrivateKey.generate()
    private_pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    public_raw = private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return private_pem, base64.b64encode(public_raw).decode("ascii")


def load_public_key(public_key_b64: str) -> Ed25519PublicKey:
    """Public key from a theme declaration; ValueError if it is not 32 bytes."""
    try:
        raw = base64.b64decode(public_key_b64.strip(), validate=True)
    except (AttributeError, binascii.Error) as error:
        raise ValueError("public key must be base64 text") from error
    if len(raw) != 32:
        raise ValueError(f"an Ed25519 public key is 32 bytes, got {len(raw)}")
    return Ed25519PublicKey.from_public_bytes(raw)


def issue_licence(
    private_pem: str,
    *,
    theme: str,
    domain: str,
    expires: date,
    issued: date | None = None,
) -> str:
    """Signed token licensing ``theme`` on ``domain`` through ``expires``."""
    try:
        private_key = serialization.load_pem_private_key(
            private_pem.encode("ascii"), password=None
        )
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise ValueError("private key must be an unencrypted PEM") from error
    if not isinstance(private_key, Ed25519PrivateKey):
        raise ValueError("private key must be an Ed25519 key")
    if not isinstance(theme, str) or not theme:
        raise ValueError("theme must be a non-empty string")
    issued = date.today() if issued is None else issued
    for name, value in (("expires", expires), ("issued", issued)):
        # A datetime would serialise with a time and fail verification later.
        if not isinstance(value, date) or isinstance(value, datetime):
            raise TypeError(f"{name} must be a date")
    payload = {
        "theme": theme,
        "domain": _site(normalise_domain(domain)),
        "expires": expires.isoformat(),
        "issued": issued.isoformat(),
    }
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    signing_input = f"{FORMAT_TAG}.{_b64url_encode(body.encode('utf-8'))}"
    signature = private_key.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{_b64url_encode(signature)}"


def _parse_payload(raw: bytes) -> dict | None:
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        # RecursionError: "[[[[..." nested deeper than the interpreter allows.
        return None
    if not isinstance(payload, dict):
        return None
    if not all(isinstance(payload.get(key), str) for key in _PAYLOAD_KEYS):
        return None
    for key in ("expires", "issued"):
        if not _ISO_DATE.fullmatch(payload[key]):
            return None
        try:
            payload[key] = date.fromisoformat(payload[key])
        except ValueError:
            return None
    return payload


def verify_licence(
    token: str,
    *,
    public_key_b64: str,
    theme: str,
    domain: str,
    today: date,
) -> LicenceCheck:
    """Check a token for this theme, site and day; never raises on a bad token.

    A malformed ``public_key_b64`` is the theme's own bug and raises ValueError.
    """
    public_key = load_public_key(public_key_b64)
    malformed = LicenceCheck(ok=False, reason=REASON_MALFORMED)
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH:
        return malformed
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != FORMAT_TAG:
        return malformed
    try:
        raw_payload = _b64url_decode(parts[1])
        signature = _b64url_decode(parts[2])
    except (ValueError, binascii.Error):
        return malformed
    payload = _parse_payload(raw_payload)
    if payload is None or len(signature) != SIGNATURE_LENGTH:
        return malformed

    signing_input = f"{parts[0]}.{parts[1]}".encode("ascii")
    try:
        public_key.verify(signature, signing_input)
    except InvalidSignature:
        return LicenceCheck(ok=False, reason=REASON_BAD_SIGNATURE)

    def result(reason: str) -> LicenceCheck:
        return LicenceCheck(
            ok=reason == REASON_VALID,
            reason=reason,
            expires=payload["expires"],
            domain=payload["domain"],
        )

    if payload["theme"] != theme:
        return result(REASON_WRONG_THEME)
    try:
        site = _site(normalise_domain(domain))
    except ValueError:
        return result(REASON_WRONG_DOMAIN)
    if _site(payload["domain"]) != site:
        return result(REASON_WRONG_DOMAIN)
    # Valid through the whole expiry day, in whatever zone ``today`` was taken.
    if today > payload["expires"]:
        return result(REASON_EXPIRED)
    return result(REASON_VALID)
