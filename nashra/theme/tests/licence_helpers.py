"""Keys, dates and shorthands shared by the licence tests (#4)."""

import base64
from datetime import date

from nashra.theme.licences import (
    generate_keypair,
    issue_licence,
    verify_licence,
)

THEME = "nashra-classic"
DOMAIN = "akhbar.example"
EXPIRES = date(2025, 6, 30)
ISSUED = date(2024, 7, 1)
BEFORE_EXPIRY = date(2025, 1, 15)

# One key pair per test session: generating is cheap, but fixed values keep
# failures reproducible within a run.
PRIVATE_PEM, PUBLIC_KEY = generate_keypair()
OTHER_PRIVATE_PEM, OTHER_PUBLIC_KEY = generate_keypair()


def issue(**overrides):
    kwargs = {"theme": THEME, "domain": DOMAIN, "expires": EXPIRES, "issued": ISSUED}
    kwargs.update(overrides)
    private_pem = kwargs.pop("private_pem", PRIVATE_PEM)
    return issue_licence(private_pem, **kwargs)


def verify(token, **overrides):
    kwargs = {
        "public_key_b64": PUBLIC_KEY,
        "theme": THEME,
        "domain": DOMAIN,
        "today": BEFORE_EXPIRY,
    }
    kwargs.update(overrides)
    return verify_licence(token, **kwargs)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
