"""The VAPID key: made once into var/ (0600), then the same on every start (#19)."""

import base64
import stat

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.test import override_settings

from nashra import settings as site_settings
from nashra.push.keys import public_key


def test_the_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.setattr(site_settings, "VAR_DIR", tmp_path / "var")
    first = site_settings._stored_vapid_key()
    path = tmp_path / "var" / "vapid_private_key.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert site_settings._stored_vapid_key() == first
    key = serialization.load_pem_private_key(first.encode(), password=None)
    assert isinstance(key.curve, ec.SECP256R1)


def test_the_page_gets_the_public_half_of_the_configured_key():
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    with override_settings(VAPID_PRIVATE_KEY=pem):
        served = public_key()
    assert base64.urlsafe_b64decode(served + "=") == point
