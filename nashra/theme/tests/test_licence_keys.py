"""Licence key pairs: generating, loading and issuing with them (#4)."""

import base64
import json
from datetime import date, datetime

import pytest

from nashra.theme.licences import (
    generate_keypair,
    issue_licence,
    load_public_key,
)
from nashra.theme.tests.licence_helpers import (
    DOMAIN,
    EXPIRES,
    PRIVATE_PEM,
    PUBLIC_KEY,
    THEME,
    b64url,
    b64url_decode,
    issue,
    verify,
)

# ---------------------------------------------------------------- keys


def test_generate_keypair_shapes():
    """The public key is short enough to paste into a theme declaration."""
    private_pem, public_key = generate_keypair()
    assert private_pem.startswith("-----BEGIN PRIVATE KEY-----")
    assert len(base64.b64decode(public_key)) == 32
    assert len(public_key) == 44
    assert generate_keypair()[1] != public_key


@pytest.mark.parametrize("bad", ["", "not base64!", b64url(b"x" * 31), "QUJD", None])
def test_load_public_key_rejects_bad_keys(bad):
    """A mistyped vendor key is a theme bug and must fail loudly, not as
    "bad_signature" on every customer site."""
    with pytest.raises(ValueError):
        load_public_key(bad)


def test_verify_with_bad_public_key_raises():
    """Documented: the only ValueError verify_licence raises is for the key."""
    with pytest.raises(ValueError):
        verify(issue(), public_key_b64="QUJD")


# ---------------------------------------------------------------- issuing


def test_issue_rejects_bad_private_key():
    """A vendor pasting the public key by mistake gets a clear error."""
    with pytest.raises(ValueError, match="private key"):
        issue(private_pem=PUBLIC_KEY)


def test_issue_rejects_non_ed25519_key():
    """Only Ed25519 keys are accepted; an RSA PEM must not sign tokens."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    rsa_pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )
    with pytest.raises(ValueError, match="Ed25519"):
        issue(private_pem=rsa_pem)


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"theme": ""}, ValueError),
        ({"domain": "not a host"}, ValueError),
        ({"expires": "2025-06-30"}, TypeError),
        ({"expires": datetime(2025, 6, 30, 12, 0)}, TypeError),
        ({"issued": "2024-07-01"}, TypeError),
    ],
)
def test_issue_rejects_bad_arguments(overrides, error):
    """Mistakes on the vendor's side fail at issue time, not on the customer's site."""
    with pytest.raises(error):
        issue(**overrides)


def test_issue_defaults_issued_to_today():
    """Issued date is informative; it defaults to the day the vendor signs."""
    token = issue_licence(PRIVATE_PEM, theme=THEME, domain=DOMAIN, expires=EXPIRES)
    payload = json.loads(b64url_decode(token.split(".")[1]))
    assert payload["issued"] == date.today().isoformat()
