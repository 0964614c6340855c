"""Hold and block lists matched after Arabic normalisation (#3); no Django here.

An entry matches a name, e-mail or IP as a whole, and a word or phrase inside
the comment or website, so "كازينو" in the list also catches "كآزينو" and
"كـازينو", but "علي" does not block every comment mentioning "عليه".
"""

import re

from nashra.text.comment_text import neutralise_invisible
from nashra.text.normalise import normalise

MAX_ENTRIES = 5000


def parse_list(text: str) -> list[str]:
    """Normalised, non-empty entries, one per line, in order, without repeats.

    >>> parse_list("كازينو\\n\\n  Casino ")
    ['كازينو', 'casino']
    """
    seen = {}
    for line in (text or "").splitlines():
        entry = normalise(neutralise_invisible(line))
        if entry:
            seen.setdefault(entry, None)
    return list(seen)[:MAX_ENTRIES]


# Arabic writes the article and one-letter particles onto the word: a list
# entry "كازينو" must catch "الكازينو", "والكازينو" and "بكازينو" too, which
# the whole-word rule alone let through (#13). Suffixes still do not match.
PROCLITICS = r"(?:[وف])?(?:[بكل])?(?:ال|ل)?"


def _contains_phrase(haystack: str, phrase: str) -> bool:
    prefix = PROCLITICS if "\u0621" <= phrase[:1] <= "\u064a" else ""
    pattern = r"(?<!\w)" + prefix + re.escape(phrase) + r"(?!\w)"
    return re.search(pattern, haystack) is not None


def first_match(entries: list[str], *, name="", email="", ip="", text="") -> str:
    """The first list entry the comment matches, or "" when none does.

    >>> first_match(["كازينو"], text="أفضل كآزينو اونلاين")
    'كازينو'
    """
    if not entries:
        return ""
    whole = {normalise(neutralise_invisible(value)) for value in (name, email, ip)}
    whole.discard("")
    folded = normalise(neutralise_invisible(text or ""))
    for entry in entries:
        if entry in whole or (folded and _contains_phrase(folded, entry)):
            return entry
    return ""
