import base64
import dataclasses
import json
from datetime import date, datetime

import pytest

from nashra.theme.licences import (
    MAX_TOKEN_LENGTH,
    REASONS,
    LicenceCheck,
    generate_keypair,
    issue_licence,
    load_public_key,
    normalise_domain,
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


# ---------------------------------------------------------------- domains


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("akhbar.example", "akhbar.example"),
        ("AKHBAR.Example", "akhbar.example"),
        ("akhbar.example:8443", "akhbar.example"),
        ("akhbar.example.", "akhbar.example"),
        ("  akhbar.example \n", "akhbar.example"),
        ("www.akhbar.example", "www.akhbar.example"),
        ("مثال.com", "xn--mgbh0fb.com"),
        ("xn--mgbh0fb.com", "xn--mgbh0fb.com"),
        ("مثال.مصر", "xn--mgbh0fb.xn--wgbh1c"),
        ("مثال\u3002com", "xn--mgbh0fb.com"),
        ("localhost", "localhost"),
    ],
)
def test_normalise_domain(raw, normal):
    """Browsers send the Host header in ASCII; vendors type what they see."""
    assert normalise_domain(raw) == normal


@pytest.mark.parametrize(
    "bad",
    ["", ".", "a..b", "x" * 64 + ".com", "akhbar example", "https://akhbar.example/",
     "akhbar.example/path", "akhbar_example.com", None],
)  # fmt: skip
def test_normalise_domain_rejects(bad):
    """A licence must never be issued for something that is not a host name."""
    with pytest.raises(ValueError):
        normalise_domain(bad)


@pytest.mark.parametrize("issued_for", ["مثال.com", "xn--mgbh0fb.com", "WWW.مثال.COM."])
@pytest.mark.parametrize(
    "site", ["مثال.com", "xn--mgbh0fb.com", "www.xn--mgbh0fb.com", "مثال.com:8000"]
)
def test_idn_domain(issued_for, site):
    """An Arabic domain and its punycode are the same site, in either direction."""
    check = verify(issue(domain=issued_for), domain=site)
    assert check.ok
    assert check.domain == "xn--mgbh0fb.com"


@pytest.mark.parametrize(
    ("issued_for", "site"),
    [
        ("akhbar.example", "www.akhbar.example"),
        ("www.akhbar.example", "akhbar.example"),
        ("www.akhbar.example", "www.akhbar.example"),
        ("WWW.Akhbar.Example", "akhbar.example:443"),
    ],
)
def test_www_is_the_same_site(issued_for, site):
    """Newsrooms serve both forms and redirect one to the other."""
    assert verify(issue(domain=issued_for), domain=site).ok


def test_www_only_stripped_once():
    """ "www.www.x" is not "x": only the conventional prefix is ignored."""
    assert verify(issue(), domain=f"www.www.{DOMAIN}").reason == "wrong_domain"


def test_issued_domain_is_stored_without_www():
    """The token shows the canonical site, so support staff see one form."""
    assert verify(issue(domain=f"www.{DOMAIN}")).domain == DOMAIN


@pytest.mark.parametrize("site", ["", "not a host", "https://akhbar.example/", None])
def test_unusable_request_domain_is_wrong_domain(site):
    """A strange Host header is refused, not an exception in the middleware."""
    check = verify(issue(), domain=site)
    assert (check.ok, check.reason) == (False, "wrong_domain")


def test_multi_site_two_domains_two_tokens():
    """A group running two papers needs one licence per site; each token
    works on its own site only."""
    first = issue(domain="akhbar.example")
    second = issue(domain="مثال.com", expires=date(2026, 1, 31))
    assert verify(first, domain="akhbar.example").ok
    assert verify(second, domain="xn--mgbh0fb.com").ok
    assert verify(first, domain="مثال.com").reason == "wrong_domain"
    assert verify(second, domain="akhbar.example").reason == "wrong_domain"
    later = date(2025, 12, 1)
    assert verify(first, today=later).reason == "expired"
    assert verify(second, domain="مثال.com", today=later).ok


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
