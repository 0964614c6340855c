"""Licence tokens: valid, expired, tampered and malformed ones (#4)."""

import dataclasses
import json
from datetime import date

import pytest

from nashra.theme.licences import (
    MAX_TOKEN_LENGTH,
    REASONS,
    LicenceCheck,
)
from nashra.theme.tests.licence_helpers import (
    DOMAIN,
    EXPIRES,
    OTHER_PRIVATE_PEM,
    OTHER_PUBLIC_KEY,
    THEME,
    b64url,
    b64url_decode,
    issue,
    verify,
)

# ---------------------------------------------------------------- tokens


def test_token_shape():
    """Compact, ASCII, three dot-separated parts; the payload is readable JSON."""
    token = issue()
    tag, payload, signature = token.split(".")
    assert tag == "NASHRA1"
    assert token.isascii()
    assert len(token) < 400
    assert json.loads(b64url_decode(payload)) == {
        "theme": THEME,
        "domain": DOMAIN,
        "expires": "2025-06-30",
        "issued": "2024-07-01",
    }
    assert len(b64url_decode(signature)) == 64


def test_valid_licence():
    """The normal case: the right theme on the right site before expiry."""
    check = verify(issue())
    assert check == LicenceCheck(
        ok=True, reason="valid", expires=EXPIRES, domain=DOMAIN
    )


def test_licence_check_is_frozen():
    """Templates and caches share the result; nobody may flip ``ok``."""
    check = verify(issue())
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.ok = False


def test_reasons_are_the_documented_set():
    """The Django app translates each reason; an unknown one would show raw."""
    assert REASONS == (
        "valid",
        "malformed",
        "bad_signature",
        "wrong_theme",
        "wrong_domain",
        "expired",
    )


def test_other_domain():
    """A token copied from a licensed site must not unlock another one."""
    check = verify(issue(), domain="sahifa.example")
    assert (check.ok, check.reason, check.domain) == (False, "wrong_domain", DOMAIN)


def test_subdomain_needs_its_own_licence():
    """Only "www." is treated as the same site; "sport." is a different one."""
    assert verify(issue(), domain=f"sport.{DOMAIN}").reason == "wrong_domain"
    assert verify(issue(domain=f"sport.{DOMAIN}")).reason == "wrong_domain"


def test_expired():
    """The day after expiry the licence stops working."""
    check = verify(issue(), today=date(2025, 7, 1))
    assert (check.ok, check.reason, check.expires) == (False, "expired", EXPIRES)


def test_valid_on_the_day_of_expiry():
    """ "Valid until 30 June" includes 30 June."""
    assert verify(issue(), today=EXPIRES).ok


def test_valid_from_before_issue_date():
    """A site whose clock lags the vendor's must not be locked out."""
    assert verify(issue(), today=date(2024, 1, 1)).ok


def test_other_theme():
    """A licence bought for one theme must not unlock the vendor's others."""
    check = verify(issue(theme="nashra-magazine"))
    assert (check.ok, check.reason) == (False, "wrong_theme")


def test_key_of_another_vendor():
    """Vendor B cannot mint licences for vendor A's theme."""
    token = issue(private_pem=OTHER_PRIVATE_PEM)
    assert verify(token).reason == "bad_signature"
    assert verify(token, public_key_b64=OTHER_PUBLIC_KEY).ok


def test_tampered_payload():
    """Editing the domain or expiry in the payload breaks the signature."""
    tag, payload, signature = issue().split(".")
    data = json.loads(b64url_decode(payload))
    data["expires"] = "2099-12-31"
    forged = f"{tag}.{b64url(json.dumps(data).encode())}.{signature}"
    check = verify(forged, today=date(2030, 1, 1))
    assert check == LicenceCheck(ok=False, reason="bad_signature")


def test_tampered_payload_other_domain():
    """Rewriting the domain is the most likely forgery attempt."""
    tag, payload, signature = issue().split(".")
    data = json.loads(b64url_decode(payload))
    data["domain"] = "sahifa.example"
    forged = f"{tag}.{b64url(json.dumps(data).encode())}.{signature}"
    assert verify(forged, domain="sahifa.example").reason == "bad_signature"


def test_tampered_signature():
    """Flipping one bit of the signature must fail."""
    tag, payload, signature = issue().split(".")
    raw = bytearray(b64url_decode(signature))
    raw[0] ^= 1
    forged = f"{tag}.{payload}.{b64url(bytes(raw))}"
    assert verify(forged).reason == "bad_signature"


def test_signature_covers_the_format_tag():
    """Changing the version tag is rejected (as malformed, not accepted)."""
    _, payload, signature = issue().split(".")
    assert verify(f"NASHRA2.{payload}.{signature}").reason == "malformed"


def test_surrounding_whitespace_is_tolerated():
    """Tokens pasted from an e-mail often carry a trailing newline."""
    assert verify(f"  {issue()}\n").ok


# ---------------------------------------------------------------- malformed


def _payload(data) -> str:
    return b64url(json.dumps(data).encode())


GOOD = issue()
GOOD_TAG, GOOD_PAYLOAD, GOOD_SIGNATURE = GOOD.split(".")
MALFORMED = {
    "empty": "",
    "spaces": "   ",
    "arabic text": "رخصة غير صالحة",
    "two parts": f"{GOOD_TAG}.{GOOD_PAYLOAD}",
    "four parts": f"{GOOD}.AAAA",
    "no tag": f"{GOOD_PAYLOAD}.{GOOD_SIGNATURE}.x",
    "lowercase tag": GOOD.replace("NASHRA1", "nashra1", 1),
    "empty payload": f"{GOOD_TAG}..{GOOD_SIGNATURE}",
    "padded base64": f"{GOOD_TAG}.{GOOD_PAYLOAD}==.{GOOD_SIGNATURE}",
    "standard base64 chars": f"{GOOD_TAG}.{GOOD_PAYLOAD}+/.{GOOD_SIGNATURE}",
    "arabic in payload": f"{GOOD_TAG}.ترخيص.{GOOD_SIGNATURE}",
    "bad base64 length": f"{GOOD_TAG}.A.{GOOD_SIGNATURE}",
    "not json": f"{GOOD_TAG}.{b64url(b'not json')}.{GOOD_SIGNATURE}",
    "not utf-8": f"{GOOD_TAG}.{b64url(bytes([0xFF, 0xFE, 0x00]))}.{GOOD_SIGNATURE}",
    "json list": f"{GOOD_TAG}.{_payload([1, 2])}.{GOOD_SIGNATURE}",
    "json string": f"{GOOD_TAG}.{_payload('x')}.{GOOD_SIGNATURE}",
    "missing key": f"{GOOD_TAG}.{_payload({'theme': THEME})}.{GOOD_SIGNATURE}",
    "number expiry": GOOD_TAG
    + "."
    + _payload({"theme": THEME, "domain": DOMAIN, "expires": 20250630, "issued": ""})
    + "."
    + GOOD_SIGNATURE,
    "bad date": GOOD_TAG
    + "."
    + _payload(
        {
            "theme": THEME,
            "domain": DOMAIN,
            "expires": "2025-02-30",
            "issued": "2024-07-01",
        }
    )
    + "."
    + GOOD_SIGNATURE,
    "arabic digits date": GOOD_TAG
    + "."
    + _payload(
        {
            "theme": THEME,
            "domain": DOMAIN,
            "expires": "٢٠٢٥-٠٦-٣٠",
            "issued": "2024-07-01",
        }
    )
    + "."
    + GOOD_SIGNATURE,
    "compact date": GOOD_TAG
    + "."
    + _payload(
        {
            "theme": THEME,
            "domain": DOMAIN,
            "expires": "20250630",
            "issued": "2024-07-01",
        }
    )
    + "."
    + GOOD_SIGNATURE,
    "deep nesting": f"{GOOD_TAG}.{b64url(b'[' * 2500)}.{GOOD_SIGNATURE}",
    "short signature": f"{GOOD_TAG}.{GOOD_PAYLOAD}.{b64url(b'sig')}",
    "empty signature": f"{GOOD_TAG}.{GOOD_PAYLOAD}.",
    "huge": GOOD + "A" * MAX_TOKEN_LENGTH,
}


@pytest.mark.parametrize("token", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_tokens(token):
    """Whatever an admin pastes into the licence field, the site keeps rendering."""
    assert verify(token) == LicenceCheck(ok=False, reason="malformed")


@pytest.mark.parametrize("token", [None, 12345, b"NASHRA1.a.b", ["NASHRA1"]])
def test_non_string_tokens_are_malformed(token):
    """A settings field left empty or of the wrong type must not raise."""
    assert verify(token).reason == "malformed"


def test_huge_token_is_refused_before_decoding():
    """A multi-megabyte token costs no more than a length check."""
    assert verify("NASHRA1." + "A" * 10_000_000 + ".A").reason == "malformed"
