"""Text → search terms, the one pipeline shared by indexing and querying (#5).

Both sides must run exactly this code: a term the index spells differently
from the query can never match.
"""

import re
import unicodedata

from nashra.text.names import index_keys
from nashra.text.normalise import normalise
from nashra.text.stemming import stem
from nashra.text.stopwords import STOP_WORDS

# Underscore is a \w character but never part of a word in prose.
_TERM = re.compile(r"[^\W_]+")

# In the original text a word also holds the characters normalise() deletes
# (harakat, tatweel is already \w, zero-width and bidi marks), so that its
# span covers the word as the reader sees it.
_MARKS = "".join(
    chr(code)
    for code in range(0x0300, 0x1E000)
    if unicodedata.category(chr(code)) in ("Mn", "Cf")
)
_WORD_IN_ORIGINAL = re.compile("(?:[^\\W_]|[" + re.escape(_MARKS + "\u00ad") + "])+")


def analyse(text: str) -> list[str]:
    """Return the search terms of ``text``, in order, stop words left out.

    >>> analyse("وَزيرُ الاقتصاد في الحكومةِ الجديدة")
    ['وزير', 'اقتصاد', 'حكوم', 'جديد']
    """
    return [
        stem(token)
        for token in _TERM.findall(normalise(text))
        if token not in STOP_WORDS
    ]


def analyse_words(text: str) -> list[tuple[str, str]]:
    """Return ``(word, term)`` pairs: each normalised word and its term.

    The query needs the word as well as its stem: a name's key is made
    from the whole word (nashra.text.names), whose vowels the stemmer may
    have cut differently in each spelling.

    >>> analyse_words("وزير غوغل")
    [('وزير', 'وزير'), ('غوغل', 'غوغل')]
    """
    return [
        (token, stem(token))
        for token in _TERM.findall(normalise(text))
        if token not in STOP_WORDS
    ]


def analyse_for_index(text: str) -> tuple[list[str], list[str]]:
    """Return the search terms of ``text`` and the name keys it answers to.

    >>> analyse_for_index("شركة جوجل")
    (['شرك', 'جوجل'], ['xكاكل'])
    """
    tokens = [t for t in _TERM.findall(normalise(text)) if t not in STOP_WORDS]
    return [stem(token) for token in tokens], index_keys(tokens)


def tokens_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Return ``(term, start, end)`` with the span of each term in ``text``.

    The spans index the original string, harakat and hamza included, so a
    highlighter can mark the word as written.

    >>> tokens_with_spans("قالَ الوزيرُ")
    [('قال', 0, 4), ('وزير', 5, 12)]
    """
    spans = []
    for match in _WORD_IN_ORIGINAL.finditer(text):
        # One written word can unfold into several (the ligature ﷺ).
        for token in _TERM.findall(normalise(match.group())):
            if token not in STOP_WORDS:
                spans.append((stem(token), match.start(), match.end()))
    return spans
