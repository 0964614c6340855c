"""One key for every spelling of a foreign name or brand (#18).

Transliteration has no single spelling: "غوغل", "جوجل" and "قوقل" are one
company, "ترامب" and "ترمب" one man, "فيسبوك" and "فيس بوك" one site. The
key keeps what the spellings share, a consonant skeleton:

- long vowels (ا و ي) are dropped after the first letter, and an initial
  alef too: the alef some writers put before "ست…" ("استوكهولم"), with
  or without its hamza (already folded by normalise());
- the letters written for sounds Arabic lacks fold to one: g as غ ج ق ك گ
  چ (چ is g in Egyptian print), v as ف ڤ, p as ب پ, ch as تش ش; ط and ص,
  written for a plain t and s in older spellings ("طوكيو", "توكيو"), fold
  to ت and س;
- a final ه (taa marbuta) is dropped. A doubled letter is kept: names are
  written with one, and "تسلل" (offside) must not meet "تسلا".

A skeleton also joins ordinary words of one root ("مدرسة", "مدارس",
"مدرس"). Three things keep that from costing precision. Three consonants
are an Arabic root, shared by every pattern built on it, so in a key of
three the places of the vowels must agree too ("كاتب", "كتاب" and "كتب" stay
apart); only longer names let their vowels come and go. Keys are only made
for words that look like transliterations (looks_foreign(): no article, no
letter or ending only Arabic words have), on both sides, so an ordinary
query word never asks for a key and an ordinary article word never answers
one. And keys live in a field of their own that ranks below headline and
text (see the search backends), so an article spelling the name as the
reader did comes first. Keys of fewer than MIN_KEY consonants are not made:
a two-letter skeleton is shared by hundreds of words, and a short name
("ميسي") must not match half the archive; such names are matched as spelt.
"""

import re
from functools import lru_cache

# Keys are stored and queried as MARK + skeleton: an ASCII letter before
# Arabic ones, which analyse() never produces from prose, so a key can never
# equal an ordinary term; FTS5 and PostgreSQL's parser see one word.
MARK = "x"
MIN_KEY = 3
# From this many consonants on, long vowels may come and go.
FREE_VOWELS = 4
_VOWEL_SLOT = "ا"
# Two words are tried as one name ("فيس بوك") when the pair is this short.
MAX_JOINED = 12

_VOWELS = frozenset("اوي")
_FOLDS = str.maketrans(
    {
        "غ": "ك",
        "ج": "ك",
        "ق": "ك",
        "گ": "ك",
        "چ": "ك",
        "ڤ": "ف",
        "ڥ": "ف",
        "پ": "ب",
        "ط": "ت",
        "ص": "س",
    }
)
_CLITICS = frozenset("وفبل")
# Letters for sounds the languages Arabic borrows names from do not have,
# so transliterations never use them: ع ح خ ذ ض ظ ث and the hamza ء.
_ARABIC_ONLY = frozenset("عحخذضظثء")
# The article, alone or after clitics; names and brands are written bare.
_ARTICLE = re.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)")
# Taa marbuta, feminine plural and attached pronouns: Arabic inflection,
# not a name.
_ARABIC_ENDINGS = ("ه", "ها", "هم", "هما", "كم", "نا", "هن")
# A feminine plural has a stem of three letters at least ("شات" is chat).
_PLURAL = "ات"
_MIN_PLURAL = 5
_WORD = re.compile(r"^[\u0621-\u064a\u067e\u0686\u06a4\u06a5\u06af]+$")


@lru_cache(maxsize=262_144)
def looks_foreign(token: str) -> bool:
    """Whether a normalise()d token may be a transliterated name or brand.

    >>> looks_foreign("غوغل"), looks_foreign("الوزير"), looks_foreign("عاصمه")
    (True, False, False)
    """
    return (
        len(token) >= 2
        and _WORD.match(token) is not None
        and not _ARTICLE.match(token)
        and _ARABIC_ONLY.isdisjoint(token)
        and not token.endswith(_ARABIC_ENDINGS)
        and not (token.endswith(_PLURAL) and len(token) >= _MIN_PLURAL)
    )


@lru_cache(maxsize=262_144)
def name_key(token: str) -> str:
    """The skeleton of one normalise()d word, or "" when it is too short.

    >>> name_key("غوغل") == name_key("جوجل") == name_key("قوقل")
    True
    >>> name_key("ترامب") == name_key("ترمب"), name_key("كاتب") == name_key("كتاب")
    (True, False)
    """
    if not _WORD.match(token):
        return ""
    word = token.replace("تش", "ش").translate(_FOLDS)
    if word[0] == "ا":
        word = word[1:]
    if word.endswith("ه"):
        word = word[:-1]
    if not word:
        return ""
    # The first letter is a consonant even when it is و or ي (w, y).
    letters = [word[0]]
    for letter in word[1:]:
        if letter not in _VOWELS:
            letters.append(letter)
        elif letters[-1] != _VOWEL_SLOT:
            letters.append(_VOWEL_SLOT)
    consonants = [letter for letter in letters if letter != _VOWEL_SLOT]
    if len(consonants) < MIN_KEY:
        return ""
    # Three consonants are an Arabic root, shared by every pattern built on
    # it ("كاتب", "كتاب", "كتب"): there the places of the vowels must agree
    # too. Names of four and more vary their vowels freely.
    return "".join(consonants if len(consonants) >= FREE_VOWELS else letters)


@lru_cache(maxsize=262_144)
def _marked_keys(token: str) -> tuple[str, ...]:
    # "وترامب" is also "و" + "ترامب": a reader types the name without the
    # clitic, so an article's word answers to both keys.
    keys: list[str] = []
    for word in (token, token[1:] if token[0] in _CLITICS else ""):
        key = name_key(word) if word else ""
        if key and MARK + key not in keys:
            keys.append(MARK + key)
    return tuple(keys)


def query_key(token: str) -> str:
    """The marked key a query word asks for, or "" when it asks for none.

    >>> query_key("جوجل"), query_key("الحكومه")
    ('xكاكل', '')
    """
    if not looks_foreign(token):
        return ""
    key = name_key(token)
    return MARK + key if key else ""


def joined_key(first: str, second: str) -> str:
    """The marked key of two query words read as one name ("فيس بوك").

    >>> joined_key("فيس", "بوك") == query_key("فيسبوك")
    True
    """
    if len(first) + len(second) > MAX_JOINED or not (
        looks_foreign(first) and looks_foreign(second)
    ):
        return ""
    key = name_key(first + second)
    return MARK + key if key else ""


def word_keys(token: str) -> list[str]:
    """The marked keys one normalise()d article word answers to.

    >>> word_keys("وترامب"), word_keys("والوزير")
    (['xوترمب', 'xترمب'], [])
    """
    return list(_marked_keys(token)) if looks_foreign(token) else []


def pair_keys(first: str, second: str) -> list[str]:
    """The marked keys two neighbouring article words answer to as one name.

    >>> pair_keys("كوكا", "كولا") == word_keys("كوكاكولا")
    True
    """
    if len(first) + len(second) > MAX_JOINED or not (
        looks_foreign(first) and looks_foreign(second)
    ):
        return []
    return list(_marked_keys(first + second))


def index_keys(tokens: list[str]) -> list[str]:
    """The marked keys an article's normalise()d words are indexed under:
    each foreign-looking word's, and each short pair's read as one word.

    >>> index_keys(["شركه", "فيس", "بوك"])
    ['xفسبك', 'xيسبك']
    """
    keys: list[str] = []
    previous = ""  # the word before, when it looks foreign
    for token in tokens:
        if not looks_foreign(token):
            previous = ""
            continue
        keys += _marked_keys(token)
        if previous and len(previous) + len(token) <= MAX_JOINED:
            keys += _marked_keys(previous + token)
        previous = token
    return keys
