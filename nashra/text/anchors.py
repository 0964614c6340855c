"""Fragment ids for an article's sub-headings, for its table of contents (#20)."""

import unicodedata

# Tatweel stretches a word on screen and means nothing: «الأخـــبار» is «الأخبار».
_TATWEEL = "\u0640"


def anchor(text):
    """A fragment id made of the heading's letters and digits, words joined
    by hyphens; Arabic stays Arabic, without diacritics or tatweel.

    >>> anchor("ما الذي حدث؟")
    'ما-الذي-حدث'
    >>> anchor("أسعارُ الـنفط 2026")
    'أسعار-النفط-2026'
    """
    words, word = [], []
    for char in unicodedata.normalize("NFKC", text):
        if char == _TATWEEL or unicodedata.category(char) == "Mn":
            continue
        if char.isalnum():
            word.append(char.lower())
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return "-".join(words)


def anchors(texts, taken=()):
    """One distinct id for each heading text, in order: a repeated heading
    gets "-2", "-3"…, and a heading with no letters "heading-N". ``taken``
    are ids the page already uses.

    >>> anchors(["الخلفية", "الخلفية", "؟"])
    ['الخلفية', 'الخلفية-2', 'heading-3']
    """
    used, found = set(taken), []
    for number, text in enumerate(texts, start=1):
        base = anchor(text) or f"heading-{number}"
        candidate, copy = base, 1
        while candidate in used:
            copy += 1
            candidate = f"{base}-{copy}"
        used.add(candidate)
        found.append(candidate)
    return found
