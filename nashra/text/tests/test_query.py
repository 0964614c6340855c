"""parse_query() and the FTS5 / tsquery builders: reader input is never syntax."""

import sqlite3

import pytest

from nashra.text.query import (
    MAX_QUERY_TERMS,
    ParsedQuery,
    parse_query,
    to_fts5_match,
    to_tsquery,
)

HOSTILE = [
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "NEAR(وزير خارجية, 2)",
    "body:وزير",
    "^وزير",
    "وزير*",
    "وزير OR خارجية",
    "وزير AND NOT خارجية",
    "(وزير",
    "وزير)",
    '"وزير',
    'وزير "الخارجية',
    '""',
    '"""',
    "-",
    "--",
    "- -وزير",
    "وزير & خارجية | !مدرسة <-> :*",
    "\\'; select pg_sleep(10); --",
    "وزير\x00خارجية",
    "؟؟؟",
    "ً ٌ ٍ",
    "",
    "ب" * 10_000,
    "كلمة " * 3000,
]


def test_terms_phrases_and_exclusions():
    """The three things a reader can ask for are told apart."""
    parsed = parse_query('"وزير الخارجية" المدارس -كرة')
    assert parsed == ParsedQuery(
        terms=["مدارس"], phrases=[["وزير", "خارج"]], excluded=["كره"]
    )
    assert not parsed.is_empty


@pytest.mark.parametrize("q", ["«وزير الخارجية»", "“وزير الخارجية”"])
def test_arabic_and_curly_quotes_make_phrases(q):
    """Arabic writers quote with « »; phones insert curly quotes."""
    assert parse_query(q).phrases == [["وزير", "خارج"]]


@pytest.mark.parametrize(
    ("q", "terms"),
    [
        ('"وزير الخارجية', ["وزير", "خارج"]),
        ('وزير "', ["وزير"]),
        ('"وزير" "', ["وزير"]),
    ],
)
def test_unbalanced_quotes_are_plain_text(q, terms):
    """A lone quote is a typo; it must not swallow or break the query."""
    parsed = parse_query(q)
    assert parsed.terms == terms
    assert parsed.phrases == []


@pytest.mark.parametrize("q", ["؟؟؟ ،،،", "ً ٌ ٍ َ ُ", "...", "", "   ", "-كرة", '""'])
def test_nothing_to_search_is_empty(q):
    """Only punctuation, harakat or exclusions must not list the whole archive."""
    parsed = parse_query(q)
    assert parsed.is_empty
    assert to_fts5_match(parsed) == ""
    assert to_tsquery(parsed) == ""


def test_hyphen_inside_word_is_not_exclusion():
    """ "covid-19" is a name, not covid minus 19."""
    assert parse_query("covid-19").excluded == []


def test_length_is_bounded():
    """A pasted essay must not become a 3,000-term database query."""
    parsed = parse_query(" ".join(f"كلمة{i}" for i in range(500)))
    assert len(parsed.terms) <= MAX_QUERY_TERMS


def test_phrase_terms_count_towards_the_bound():
    """Phrases are also terms for the database's work."""
    words = " ".join(f"كلمة{i}" for i in range(20))
    parsed = parse_query(f'"{words}" "{words}x"')
    assert sum(map(len, parsed.phrases)) + len(parsed.terms) <= MAX_QUERY_TERMS


def test_fts5_output():
    """Every FTS5 term is double-quoted; exclusions use NOT."""
    parsed = parse_query('"وزير الخارجية" مدرسة -كرة')
    assert to_fts5_match(parsed) == '("مدرس" AND "وزير خارج") NOT "كره"'
    assert to_fts5_match(parse_query("الاقتص"), prefix_last=True) == '"اقتص" *'


def test_tsquery_output():
    """Every tsquery lexeme is single-quoted; phrases use <->, exclusions !."""
    parsed = parse_query('"وزير الخارجية" مدرسة -كرة')
    assert to_tsquery(parsed) == "'مدرس' & ('وزير' <-> 'خارج') & !'كره'"
    assert to_tsquery(parse_query("الاقتص"), prefix_last=True) == "'اقتص':*"


def test_tsquery_without_word_order():
    """phrases=False keeps the words and exclusions of a phrase query, not its order."""
    parsed = parse_query('"وزير الخارجية" مدرسة -كرة')
    assert to_tsquery(parsed, phrases=False) == "'مدرس' & ('وزير' & 'خارج') & !'كره'"


def test_quote_characters_in_terms_are_escaped():
    """Even if a term ever held a quote, it could not close the string."""
    parsed = ParsedQuery(terms=['a"b', "c'd", "e\\f"])
    assert to_fts5_match(parsed) == '"a""b" AND "c\'d" AND "e\\f"'
    assert to_tsquery(parsed) == "'a\"b' & 'c''d' & 'e\\\\f'"


@pytest.fixture(scope="module")
def fts5():
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE doc USING fts5(body)")
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no FTS5")
    connection.execute("INSERT INTO doc VALUES ('وزير خارج مدرس near body')")
    yield connection
    connection.close()


@pytest.mark.parametrize("q", HOSTILE)
@pytest.mark.parametrize("prefix_last", [False, True])
def test_hostile_input_is_a_valid_fts5_query(fts5, q, prefix_last):
    """Injected FTS or SQL syntax must neither error nor change the query."""
    expression = to_fts5_match(parse_query(q), prefix_last=prefix_last)
    if expression:
        fts5.execute("SELECT rowid FROM doc WHERE doc MATCH ?", (expression,))
    assert fts5.execute("SELECT count(*) FROM doc").fetchone() == (1,)


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_input_gives_only_quoted_tsquery_lexemes(q):
    """Outside quotes, a tsquery string may hold only operators we put there
    ("|" joins a word and its name key, #18)."""
    query = to_tsquery(parse_query(q), prefix_last=True)
    outside_quotes = "".join(query.split("'")[0::2])
    assert set(outside_quotes) <= set(" &|!()<->:*")


def test_fts5_phrase_and_exclusion_behave(fts5):
    """The built expression means what the reader meant."""

    def hits(q):
        return fts5.execute(
            "SELECT count(*) FROM doc WHERE doc MATCH ?",
            (to_fts5_match(parse_query(q)),),
        ).fetchone()[0]

    assert hits('"وزير الخارجية"') == 1
    assert hits('"الخارجية وزير"') == 0
    assert hits("وزير -مدرسة") == 0
    assert hits("وزير -كرة") == 1
