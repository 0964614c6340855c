"""A light Arabic stemmer for search: clitics off, no root extraction (#5).

Works on normalise()d tokens. Light stemming beats root extraction for news
search (Larkey et al.'s "light10" finding): it joins "الوزير", "ووزيرها" and
"وزير" without also joining every word that shares a three-letter root.

The hard case is a word whose first letter looks like a clitic but belongs to
the word: "وزير" is not "و" + "زير", "بوتين" is not "ب" + "وتين". Single
letters are therefore stripped greedily while at least three letters remain,
so that "و" + W and W always reach the same stem whatever W is ("وبوتين" and
"بوتين" agree even when the stem is odd); a short list of frequent news words
stops the stripping early, which keeps their stems readable and stops them
colliding with unrelated words. "ولد" stays "ولد": "لد" would be too short.
"""

from functools import lru_cache

_ARTICLE = "ال"
_CLITIC_LETTERS = frozenset("وفبكل")
_MIN_STEM = 3
# Dual/plural endings (ان ون ين) also end many names (لبنان، ايران، بوتين),
# so they come off only when a four-letter stem would remain.
_MIN_STEM_PLURAL = 4

# Possessive and object pronouns, longest first.
_PRONOUN_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا")
_NUMBER_SUFFIXES = (
    ("ات", _MIN_STEM),
    ("ون", _MIN_STEM_PLURAL),
    ("ين", _MIN_STEM_PLURAL),
    ("ان", _MIN_STEM_PLURAL),
    ("يه", _MIN_STEM),  # ية after normalise()
    ("ي", _MIN_STEM),
    ("ه", _MIN_STEM),  # ة after normalise(), or the pronoun "his"
)

# Frequent news words starting with و ف ب ك ل as part of the word itself.
_PROTECTED = frozenset(
    """
    وزير وزراء وزاره وزارات وطن وطني وطنيه وقت وضع وفد وفاه ولايه ولايات
    وكاله واشنطن وباء وثيقه وسط واقع وادي ورقه وصول
    فريق فرق فوز فلسطين فلسطيني فرنسا فرنسي فيلم فن فنان فصل فكره فندق فيروس
    فايده فوايد فتره فرصه فقر فعاليه
    بنك بنوك برلمان بيان بلد بلاد بطوله بريطانيا بوتين بحر بيت بيروت برنامج
    بغداد بورصه باريس بكين برلين بدايه بحث بناء بيع بطاله
    كتاب كتب كاتب كبير كاس كره كلمه كليه كهرباء كورونا كويت كميه كلفه
    لبنان لجنه لاعب لاعبين ليبيا لندن لقاء لعبه لغه لحظه ليل
    """.split()
)


def _strip_pronoun(word: str) -> str:
    for suffix in _PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            stem = word[: -len(suffix)]
            # "حكومتها": the taa marbuta turns back into ت before a pronoun
            # (but "سياراتنا" ends in the plural ات).
            if stem[-1] == "ت" and stem[-2] != "ا" and len(stem) > _MIN_STEM:
                stem = stem[:-1] + "ه"
            return stem
    return word


def _strip_number(word: str) -> str:
    # Repeated, so that "فلسطينيون" → "فلسطيني" → "فلسطين" meets "فلسطين".
    stripped = True
    while stripped:
        stripped = False
        for suffix, min_stem in _NUMBER_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
                word = word[: -len(suffix)]
                stripped = True
                break
    return word


def _suffix_stem(word: str) -> str:
    return _strip_number(_strip_pronoun(word))


# Compared after suffixes come off, so "الفلسطينيون" is protected too.
_PROTECTED_STEMS = frozenset(_suffix_stem(word) for word in _PROTECTED)


def _is_protected(word: str) -> bool:
    return _suffix_stem(word) in _PROTECTED_STEMS


def _strip_prefixes(word: str) -> str:
    article_done = False
    while True:
        if (
            not article_done
            and word.startswith(_ARTICLE)
            and len(word) - 2 >= 2
            and not _is_protected(word)
        ):
            word = word[2:]
            article_done = True
        elif (
            word[0] in _CLITIC_LETTERS
            and len(word) - 1 >= _MIN_STEM
            and not _is_protected(word)
        ):
            word = word[1:]
        else:
            return word


@lru_cache(maxsize=262_144)
def stem(token: str) -> str:
    """Return the light stem of one normalise()d token.

    >>> stem("والمدرسه"), stem("مدرستها"), stem("وبوتين"), stem("ولد")
    ('مدرس', 'مدرس', 'بوتين', 'ولد')
    """
    if len(token) <= _MIN_STEM or not token[0].isalpha() or token.isascii():
        return token
    return _suffix_stem(_strip_prefixes(token))
