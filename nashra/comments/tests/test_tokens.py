"""Form tokens: forged, expired, replayed or foreign tokens are refused (#3)."""

import time

import pytest
from django.core import signing

from nashra.comments import tokens

# A spent token is a row every worker sees (core_mark, #17).
pytestmark = pytest.mark.django_db


def test_round_trip_then_single_use():
    """A stored comment spends its token; the same form posted again is a replay."""
    payload = tokens.read(tokens.issue(7), 7)
    assert tokens.spend(payload) is True
    with pytest.raises(tokens.TokenError) as error:
        tokens.read(signing.dumps(payload, salt=tokens.SALT), 7)
    assert error.value.code == "used"
    assert tokens.spend(payload) is False


@pytest.mark.parametrize(
    ("token", "code"),
    [
        ("", "missing"),
        ("abc:def", "forged"),
        (signing.dumps({"a": 7, "t": 0, "n": "x"}, salt="other"), "forged"),
    ],
)
def test_bad_tokens(token, code):
    """Missing and forged tokens are told apart so the reader gets the right message."""
    with pytest.raises(tokens.TokenError) as error:
        tokens.read(token, 7)
    assert error.value.code == code


def test_token_for_another_article():
    """A token fetched on one article cannot post on another."""
    with pytest.raises(tokens.TokenError) as error:
        tokens.read(tokens.issue(7), 8)
    assert error.value.code == "forged"


def test_expired_token():
    """A form left open longer than MAX_AGE must be refreshed."""
    old = tokens.issue(7, now=time.time() - tokens.MAX_AGE - 10)
    with pytest.raises(tokens.TokenError) as error:
        tokens.read(old, 7)
    assert error.value.code == "expired"


def test_minimum_fill_time():
    """Bots post the moment they load the form; people take seconds."""
    with pytest.raises(tokens.TokenError) as error:
        tokens.read(tokens.issue(7), 7, min_seconds=3)
    assert error.value.code == "too_fast"
    assert tokens.read(tokens.issue(7, now=time.time() - 4), 7, min_seconds=3)
