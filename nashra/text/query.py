"""Readers' search boxes → a parsed query and safe FTS5 / tsquery strings (#5).

Everything a reader types is text to search for, never syntax: quotes make a
phrase and a leading "-" excludes a word, and that is all. FTS5 operators
(NEAR, OR, *, ^, column:), tsquery operators (& | ! <->) and SQL fragments
survive only as the words analyse() finds in them, and every lexeme sent to
a database is quoted.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from nashra.text.analysis import analyse

MAX_QUERY_CHARS = 256
MAX_QUERY_TERMS = 32

# Arabic text quotes with « » and word processors with curly quotes.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})
_PHRASE = re.compile(r'"([^"]*)"')
_EXCLUDED = re.compile(r"(?:^|(?<=\s))-(\S+)")


@dataclass
class ParsedQuery:
    """What a reader asked for, in analysed terms."""

    terms: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        # Exclusions alone would match the whole archive, so they don't count.
        return not self.terms and not self.phrases


def parse_query(
    q: str, *, analyser: Callable[[str], list[str]] = analyse
) -> ParsedQuery:
    """Split a search box string into terms, phrases and exclusions.

    ``analyser`` exists for the evaluation bench, which compares stemmers;
    the site always uses analyse().

    >>> parse_query('"وزير الخارجية" المدارس -كرة')
    ParsedQuery(terms=['مدارس'], phrases=[['وزير', 'خارج']], excluded=['كره'])
    """
    text = (q or "")[:MAX_QUERY_CHARS].translate(_QUOTES)
    parsed = ParsedQuery()
    budget = MAX_QUERY_TERMS

    phrase_texts = _PHRASE.findall(text)
    # An unbalanced quote is a typo, not a phrase that runs to the end.
    rest = _PHRASE.sub(" ", text).replace('"', " ")
    for phrase_text in phrase_texts:
        words = analyser(phrase_text)[:budget]
        budget -= len(words)
        if len(words) > 1:
            parsed.phrases.append(words)
        elif words:
            _add_unique(parsed.terms, words[0])

    for word in _EXCLUDED.findall(rest):
        for term in analyser(word):
            _add_unique(parsed.excluded, term)
    rest = _EXCLUDED.sub(" ", rest)
    for term in analyser(rest):
        if budget <= 0:
            break
        if _add_unique(parsed.terms, term):
            budget -= 1
    return parsed


def _add_unique(terms: list[str], term: str) -> bool:
    if term in terms:
        return False
    terms.append(term)
    return True


def _fts5_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def to_fts5_match(parsed: ParsedQuery, *, prefix_last: bool = False) -> str:
    """Build an SQLite FTS5 MATCH expression with every term quoted.

    ``prefix_last`` lets the last plain term match as a prefix, for search
    as you type. An empty query gives "" (callers must not run it).

    >>> to_fts5_match(parse_query('"وزير الخارجية" مدرسة -كرة'))
    '("مدرس" AND "وزير خارج") NOT "كره"'
    >>> to_fts5_match(parse_query("الاقتص"), prefix_last=True)
    '"اقتص" *'
    """
    if parsed.is_empty:
        return ""
    parts = [_fts5_string(term) for term in parsed.terms]
    if prefix_last and parts:
        parts[-1] += " *"
    parts += [_fts5_string(" ".join(phrase)) for phrase in parsed.phrases]
    expression = " AND ".join(parts)
    if parsed.excluded:
        expression = f"({expression})"
        for term in parsed.excluded:
            expression += " NOT " + _fts5_string(term)
    return expression


def _tsquery_lexeme(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(
    parsed: ParsedQuery, *, prefix_last: bool = False, phrases: bool = True
) -> str:
    """Build a string for PostgreSQL ``to_tsquery('simple', …)``, lexemes quoted.

    ``phrases=False`` asks only that a phrase's words all occur: a GIN index
    answers that alone, whereas word order needs each candidate's positions.

    >>> to_tsquery(parse_query('"وزير الخارجية" مدرسة -كرة'))
    "'مدرس' & ('وزير' <-> 'خارج') & !'كره'"
    >>> to_tsquery(parse_query('"وزير الخارجية"'), phrases=False)
    "('وزير' & 'خارج')"
    """
    if parsed.is_empty:
        return ""
    parts = [_tsquery_lexeme(term) for term in parsed.terms]
    if prefix_last and parts:
        parts[-1] += ":*"
    operator = " <-> " if phrases else " & "
    parts += [
        "(" + operator.join(_tsquery_lexeme(word) for word in phrase) + ")"
        for phrase in parsed.phrases
    ]
    parts += ["!" + _tsquery_lexeme(term) for term in parsed.excluded]
    return " & ".join(parts)
