"""Cache keys: tracking parameters never split or bypass the cache (#8)."""

import pytest

from nashra.pagecache.keys import entry_key, is_tracking, normalise_query


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ""),
        ("utm_source=نشرة&page=2", "page=2"),
        ("page=2&q=سوريا", "page=2&q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7"),
        ("q=سوريا&page=2", "page=2&q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7"),
        ("fbclid=abc&gclid=x&UTM_Medium=y", ""),
        ("page", "page="),
        ("%ZZ=1", "%25ZZ=1"),
    ],
)
def test_normalise_query(query, expected):
    """Campaign links and reordered parameters share one entry; junk survives
    parsing instead of raising."""
    assert normalise_query(query) == expected


def test_tracking_names():
    assert is_tracking("utm_campaign")
    assert is_tracking("FBCLID")
    assert not is_tracking("page")
    assert not is_tracking("q")


def test_keys_differ_by_host_scheme_path():
    """One site's page is never answered for another host or scheme."""
    base = entry_key("https", "a.example", "/أخبار/", "")
    assert base == entry_key("https", "A.example", "/أخبار/", "utm_source=x")
    assert base != entry_key("https", "b.example", "/أخبار/", "")
    assert base != entry_key("http", "a.example", "/أخبار/", "")
    assert base != entry_key("https", "a.example", "/أخبار/", "page=2")
    assert len(base) < 100
