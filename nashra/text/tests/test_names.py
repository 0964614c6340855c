"""Name keys: one key per name however it is spelt, none for ordinary words (#18)."""

import doctest

import pytest

from nashra.text import analysis, highlight, names, prayer, query
from nashra.text.names import index_keys, joined_key, looks_foreign, name_key, query_key
from nashra.text.normalise import normalise
from nashra.text.query import parse_query, to_fts5_match, to_tsquery


def key(word):
    return name_key(normalise(word))


@pytest.mark.parametrize(
    "spellings",
    [
        ("غوغل", "جوجل", "قوقل", "گوگل"),  # g
        ("سامسونج", "سامسونغ", "سامسونگ"),
        ("ترامب", "ترمب"),  # a long vowel present or not
        ("زيلينسكي", "زلنسكي", "زلينسكي"),
        ("ڤولڤو", "فولفو"),  # v
        ("پيپسي", "بيبسي"),  # p
        ("تشيلسي", "شيلسي"),  # ch
        ("تشرشل", "شرشل", "تشرتشل"),
        ("أمازون", "امازون", "آمازون"),  # hamza on the first alef
        ("إستوكهولم", "ستوكهولم", "استوكهولم"),
        ("إسطنبول", "استنبول", "إستانبول"),
    ],
)
def test_spellings_of_one_name_share_a_key(spellings):
    keys = {key(spelling) for spelling in spellings}
    assert len(keys) == 1 and keys != {""}, keys


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("كاتب", "كتاب"),  # writer, book: one root, three consonants
        ("كتاب", "كتب"),
        ("تسلا", "تسلل"),  # Tesla, offside
        ("جمل", "جميل"),
    ],
)
def test_ordinary_words_of_three_consonants_keep_apart(first, second):
    """Three consonants are an Arabic root: the vowels' places must agree."""
    assert key(first) != key(second)


@pytest.mark.parametrize("word", ["ميسي", "سوني", "فيس", "اي"])
def test_short_names_get_no_key(word):
    """Two consonants would match hundreds of words: spelling alone decides."""
    assert key(word) == ""


@pytest.mark.parametrize(
    "word", ["الوزير", "والحكومة", "عاصمة", "حرب", "مدرستها", "السيارات", "سيارات"]
)
def test_ordinary_words_ask_for_no_key(word):
    """The article, a letter or an ending only Arabic has: not a name."""
    token = normalise(word)
    assert not looks_foreign(token)
    assert query_key(token) == ""
    assert index_keys([token]) == []


def test_a_split_name_meets_the_joined_one():
    assert joined_key("فيس", "بوك") == query_key("فيسبوك") != ""
    assert query_key("فيسبوك") in index_keys(["صفحه", "فيس", "بوك"])
    assert joined_key("كوكا", "كولا") in index_keys(["كوكاكولا"])


def test_a_clitic_before_a_name_still_answers_its_key():
    """ "وترامب" in an article answers a reader's "ترمب"."""
    assert query_key("ترمب") in index_keys([normalise("وترامب")])


def test_keys_are_marked_so_no_term_equals_one():
    keys = index_keys([normalise("غوغل")])
    assert keys and all(k.startswith(names.MARK) for k in keys)
    assert not set(keys) & set(analysis.analyse("غوغل كاكل"))


def test_queries_offer_keys_beside_terms_on_both_backends():
    parsed = parse_query("جوجل")
    assert to_fts5_match(parsed) == '("جوجل" OR "xكاكل")'
    assert to_tsquery(parsed) == "('جوجل' | 'xكاكل')"


def test_a_quoted_word_is_wanted_as_spelt():
    assert parse_query('"جوجل"').keys == []


def test_search_as_you_type_prefix_gets_no_key():
    assert to_fts5_match(parse_query("جوجل"), prefix_last=True) == '"جوجل" *'


def test_docstring_examples():
    for module in (names, analysis, query, highlight, prayer):
        assert doctest.testmod(module).failed == 0, module.__name__
