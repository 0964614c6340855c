"""Which domains a licence covers: www, IDN, several sites (#4)."""

from datetime import date

import pytest

from nashra.theme.licences import (
    normalise_domain,
)
from nashra.theme.tests.licence_helpers import (
    DOMAIN,
    issue,
    verify,
)

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
