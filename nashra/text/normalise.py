"""Fold Arabic (and Latin) spelling variants to one searchable form (#5).

The same function runs on articles at indexing time, on readers' queries, on
comments for the spam filter and on block-list entries, so that "أحمد",
"احمد" and "أَحْمَد" are one word everywhere.

Decisions worth knowing:

- ء (standalone hamza) is kept. It is a consonant, and dropping it would turn
  "ماء" (water) into the stop word "ما" and "جزء" into "جز". Hamza carried on
  a seat is folded to the seat: أ إ آ → ا, ؤ → و, ئ → ي.
- ى → ي and ة → ه, as most Arabic light normalisers do: writers swap them
  freely (Egyptian print writes final ي as ى).
- Presentation forms and ligatures (ﻻ, ﷲ), fullwidth Latin and similar
  compatibility characters are unfolded through NFKD, which also splits
  accented Latin letters so their accents can be dropped with the harakat.
- Two spellings that differ only in the hamza's seat are joined: ئو → وو
  ("مسئول" as printed in Egypt meets "مسؤول"), and a final يء → ي ("شيء"
  meets "شئ", "لاجىء" meets "لاجئ").
- Whitespace runs are collapsed to one space and the result is trimmed.
"""

import re
import sys
import unicodedata

_ALEF = "\u0627"
_YEH = "\u064a"
_HEH = "\u0647"
_KAF = "\u0643"
_WAW = "\u0648"

_LETTER_FOLDS = {
    "\u0623": _ALEF,  # أ  (NFKD already splits it; kept for direct callers)
    "\u0625": _ALEF,  # إ
    "\u0622": _ALEF,  # آ
    "\u0671": _ALEF,  # ٱ  alef wasla has no decomposition
    "\u0672": _ALEF,  # ٲ
    "\u0673": _ALEF,  # ٳ
    "\u0675": _ALEF,  # ٵ
    "\u0649": _YEH,  # ى  alef maqsura
    "\u06cc": _YEH,  # ی  Persian yeh
    "\u06d0": _YEH,  # ې
    "\u0626": _YEH,  # ئ
    "\u0624": _WAW,  # ؤ
    "\u0629": _HEH,  # ة  taa marbuta
    "\u06c3": _HEH,  # ۃ
    "\u06be": _HEH,  # ھ  heh doachashmee (Urdu keyboards)
    "\u06c1": _HEH,  # ہ
    "\u06d5": _HEH,  # ە
    "\u06a9": _KAF,  # ک  Persian keheh
    "\u06aa": _KAF,  # ڪ
}

# Arabic punctuation is not matched by a Latin-minded tokeniser's \W test on
# every platform, and « » hug the word they quote, so they become spaces.
_SEPARATORS = "\u060c\u060d\u061b\u061e\u061f\u066d\u06d4\u00ab\u00bb\ufd3e\ufd3f"

# Invisible characters pasted from word processors and social media split or
# join words without showing it: zero-width space/joiners, soft hyphen, BOM,
# and every bidi control (LRM, RLM, ALM, embeddings, overrides, isolates).
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"
)

_TATWEEL = "\u0640"


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # Every non-spacing mark: harakat, tanween, shadda, sukun, superscript
    # alef, Quranic annotation signs, and the Latin accents NFKD split off.
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) == "Mn":
            table[code] = None
    for char in _INVISIBLE + _TATWEEL:
        table[ord(char)] = None
    for char in _SEPARATORS:
        table[ord(char)] = " "
    for digit in range(10):
        table[0x0660 + digit] = str(digit)  # Arabic-Indic ٠-٩
        table[0x06F0 + digit] = str(digit)  # Persian ۰-۹
    table[0x066B] = "."  # ٫ decimal separator
    table[0x066C] = ","  # ٬ thousands separator
    table[0x066A] = "%"  # ٪
    for source, target in _LETTER_FOLDS.items():
        table[ord(source)] = target
    return table


_TABLE = _build_table()
# The same table as character → replacement, for _fold(). No replacement is
# itself a key, so replacing one character after another equals translate().
_REPLACEMENTS = {chr(code): target or "" for code, target in _TABLE.items()}
_FOLDABLE = frozenset(_REPLACEMENTS)
# After NFKD, ئ is ي + U+0654 (hamza above).
# NFKD orders marks by combining class, so a damma may sit before the hamza.
_YEH_HAMZA_WAW = re.compile("\u064a[\u064b-\u0652]*\u0654[\u064b-\u0652]*\u0648")
_FINAL_YEH_HAMZA = re.compile("\u064a\u0621(?![^\\W_])")


def normalise(text: str) -> str:
    """Return ``text`` folded for matching: one spelling per Arabic word.

    >>> normalise("أَحْمَد يقرأ الجريدةَ في المكتبـــة، «اليوم» ٢٠٢٤")
    'احمد يقرا الجريده في المكتبه اليوم 2024'
    >>> normalise("Café ÉCOLE مسؤولى")
    'cafe ecole مسوولي'
    """
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.casefold().split())
    # casefold before NFKD: casefold can emit combining marks ("İ" → "i̇").
    folded = unicodedata.normalize("NFKD", text.casefold())
    if "\u0654" in folded:
        folded = _YEH_HAMZA_WAW.sub("\u0648\u0648", folded)
    folded = _fold(folded)
    if "\u0621" in folded:
        folded = _FINAL_YEH_HAMZA.sub("\u064a", folded)
    # split() breaks on exactly what re's \s matches, at twice the speed.
    return " ".join(folded.split())


def _fold(text: str) -> str:
    # An article uses a dozen of the table's characters at most: replacing
    # just those runs in C and beats translate()'s per-character lookups (#5).
    for char in _FOLDABLE.intersection(text):
        text = text.replace(char, _REPLACEMENTS[char])
    return text
