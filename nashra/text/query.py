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

from nashra.text.analysis import analyse, analyse_words
from nashra.text.names import joined_key, query_key

MAX_QUERY_CHARS = 256
MAX_QUERY_TERMS = 32

# Arabic text quotes with « » and word processors with curly quotes.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})
_PHRASE = re.compile(r'"([^"]*)"')
_EXCLUDED = re.compile(r"(?:^|(?<=\s))-(\S+)")


@dataclass
class ParsedQuery:
    """What a reader asked for, in analysed terms.

    ``keys[i]`` is the name key (nashra.text.names) that may stand in for
    ``terms[i]``, "" for none; ``joins[i]`` the key of ``terms[i]`` and
    ``terms[i + 1]`` read as one name ("فيس بوك"), which may stand in for
    both. Both stay empty for analysers other than the site's own.
    """

    terms: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)

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
    ParsedQuery(terms=['مدارس'], phrases=[['وزير', 'خارج']], excluded=['كره'], \
keys=[], joins=[])
    >>> parse_query("فيس بوك").joins
    ['xفسبك']
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
        elif words and _add_unique(parsed.terms, words[0]):
            # A quoted word is wanted exactly as spelt.
            parsed.keys.append("")

    for word in _EXCLUDED.findall(rest):
        for term in analyser(word):
            _add_unique(parsed.excluded, term)
    rest = _EXCLUDED.sub(" ", rest)
    names = analyser is analyse
    words = analyse_words(rest) if names else [("", t) for t in analyser(rest)]
    previous = None
    for word, term in words:
        if budget <= 0:
            break
        if _add_unique(parsed.terms, term):
            budget -= 1
            parsed.keys.append(query_key(word) if names else "")
            if previous is not None:
                parsed.joins.append(joined_key(previous, word) if names else "")
            previous = word
    # A join pairs this term with the next one; phrases came first.
    parsed.joins = [""] * (len(parsed.terms) - len(parsed.joins) - 1) + parsed.joins
    if not any(parsed.keys) and not any(parsed.joins):
        parsed.keys, parsed.joins = [], []
    return parsed


def _alternatives(parsed: ParsedQuery, prefix_last: bool) -> list[list[str]]:
    """Each plain term with what may stand in for it: its name key, and
    the key of it and a neighbour read as one name.

    The join is offered to both words of the pair: a query "فيس بوك" then
    asks for ("فيس" or "فيسبوك") and ("بوك" or "فيسبوك"). The last term of
    a search as you type is a prefix, and nothing stands in for a prefix.
    """
    terms = parsed.terms
    keys = parsed.keys or [""] * len(terms)
    joins = parsed.joins or [""] * max(len(terms) - 1, 0)
    last = len(terms) - 1
    if prefix_last and terms:
        keys = [*keys[:last], ""]
        joins = [*joins[: last - 1], ""] if last > 0 else joins
    alternatives = []
    for index, term in enumerate(terms):
        found = [term, keys[index]]
        found += [joins[index - 1] if index > 0 else ""]
        found += [joins[index] if index < last else ""]
        alternatives.append(list(dict.fromkeys(lexeme for lexeme in found if lexeme)))
    return alternatives


def _either(lexemes: list[str], operator: str) -> str:
    return lexemes[0] if len(lexemes) == 1 else f"({operator.join(lexemes)})"


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
    >>> to_fts5_match(parse_query("جوجل"))
    '("جوجل" OR "xكاكل")'
    """
    if parsed.is_empty:
        return ""
    parts = [
        _either(list(map(_fts5_string, found)), " OR ")
        for found in _alternatives(parsed, prefix_last)
    ]
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
    >>> to_tsquery(parse_query("فيس بوك"))
    "('فيس' | 'xفسبك') & ('بوك' | 'xفسبك')"
    """
    if parsed.is_empty:
        return ""
    parts = [
        _either(list(map(_tsquery_lexeme, found)), " | ")
        for found in _alternatives(parsed, prefix_last)
    ]
    if prefix_last and parts:
        parts[-1] += ":*"
    operator = " <-> " if phrases else " & "
    parts += [
        "(" + operator.join(_tsquery_lexeme(word) for word in phrase) + ")"
        for phrase in parsed.phrases
    ]
    parts += ["!" + _tsquery_lexeme(term) for term in parsed.excluded]
    return " & ".join(parts)
