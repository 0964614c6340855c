"""Each folding rule of normalise(), one parametrised case per spelling variant."""

import pytest

from nashra.text.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمال", "امال"),
        ("ٱلكتاب", "الكتاب"),
        ("الأسبوع", "الاسبوع"),
        ("مستشفى", "مستشفي"),
        ("مصطفى", "مصطفي"),
        ("مدرسة", "مدرسه"),
        ("الحكومة", "الحكومه"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("جزء", "جزء"),
        ("ماء", "ماء"),
    ],
)
def test_letter_variants_fold(raw, expected):
    """Readers type hamza, alef and taa marbuta loosely; the index must not care."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("كَتَبَ", "كتب"),  # fatha
        ("كُتُب", "كتب"),  # damma
        ("كِتاب", "كتاب"),  # kasra
        ("كتابًا", "كتابا"),  # tanween fath
        ("كتابٌ", "كتاب"),  # tanween damm
        ("كتابٍ", "كتاب"),  # tanween kasr
        ("مدرّس", "مدرس"),  # shadda
        ("مَدْرَسَة", "مدرسه"),  # sukun
        ("هٰذا", "هذا"),  # superscript alef
        ("الرَّحْمٰنِ", "الرحمن"),
    ],
)
def test_harakat_are_removed(raw, expected):
    """Vocalised headlines must match unvocalised queries and vice versa."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الاقتصـــاد", "الاقتصاد"),
        ("جـميـل", "جميل"),
        ("ـــ", ""),
    ],
)
def test_tatweel_is_removed(raw, expected):
    """Tatweel stretches headlines for layout only; it is not part of the word."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("٢٠٢٤", "2024"),
        ("۲۰۲۴", "2024"),
        ("٣٫٥", "3.5"),
        ("١٬٠٠٠", "1,000"),
        ("٥٠٪", "50%"),
        ("عام 2024", "عام 2024"),
    ],
)
def test_digits_become_ascii(raw, expected):
    """A year typed in Arabic-Indic digits must find an article written with 0-9."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("کتاب", "كتاب"),  # Persian keheh
        ("فارسی", "فارسي"),  # Persian yeh
        ("ۃ", "ه"),
        ("ھذا", "هذا"),
    ],
)
def test_persian_letters_fold(raw, expected):
    """Text pasted from Persian or Urdu keyboards uses look-alike letters."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("نعم، لا", "نعم لا"),
        ("أولاً؛ ثانياً", "اولا ثانيا"),
        ("لماذا؟", "لماذا"),
        ("«الخبر»", "الخبر"),
        ("نهاية۔", "نهايه"),
        ("﴿آية﴾", "ايه"),
    ],
)
def test_arabic_punctuation_separates(raw, expected):
    """« » and ، hug the word; left in place they would glue onto the term."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("كت\u200bاب", "كتاب"),  # zero-width space
        ("كت\u200cاب", "كتاب"),  # ZWNJ
        ("كت\u200dاب", "كتاب"),  # ZWJ
        ("\u200fكتاب\u200e", "كتاب"),  # RLM, LRM
        ("\u202bكتاب\u202c", "كتاب"),  # embedding
        ("\u2067كتاب\u2069", "كتاب"),  # isolate
        ("\u202eكتاب", "كتاب"),  # right-to-left override
        ("\ufeffكتاب", "كتاب"),  # BOM
        ("\u061cكتاب", "كتاب"),  # Arabic letter mark
        ("كت\u00adاب", "كتاب"),  # soft hyphen
    ],
)
def test_invisible_characters_are_removed(raw, expected):
    """Spammers hide block-listed words behind zero-width and bidi characters."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Donald TRUMP", "donald trump"),
        ("Café", "cafe"),
        ("Ångström", "angstrom"),
        ("Straße", "strasse"),
        ("İstanbul", "istanbul"),
        ("ＮＡＳＡ", "nasa"),
        ("زار Macron باريس", "زار macron باريس"),
    ],
)
def test_latin_is_casefolded_and_unaccented(raw, expected):
    """Mixed Arabic/English articles name people and firms in Latin script."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ﻻ", "لا"),
        ("ﷲ", "الله"),
        ("ﺍﻟﻌﺮﺏ", "العرب"),
    ],
)
def test_presentation_forms_unfold(raw, expected):
    """Text copied out of PDFs arrives as presentation forms and ligatures."""
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("   ", ""),
        ("\n\t", ""),
        ("ً ٌ ٍ َ", ""),
        ("  كتاب   جديد \n", "كتاب جديد"),
        ("\x00كتاب", "\x00كتاب"),
    ],
)
def test_blank_and_odd_input(raw, expected):
    """Empty or mark-only input must give an empty string, never raise."""
    assert normalise(raw) == expected


def test_long_input_is_handled():
    """A 10,000-character paste must normalise without error or truncation."""
    text = "مَدْرَسَة " * 1000
    assert normalise(text) == " ".join(["مدرسه"] * 1000)


def test_normalise_is_idempotent():
    """Block lists store normalised entries and compare them to normalised text."""
    raw = "أَحْمَد، «الإسلاميّة» ٢٠٢٤ Café ﻻ"
    once = normalise(raw)
    assert normalise(once) == once


@pytest.mark.parametrize(
    ("variant", "standard"),
    [
        ("مسئول", "مسؤول"),
        ("مسئُول", "مسؤول"),
        ("المسئولين", "المسؤولين"),
        ("شئون", "شؤون"),
        ("شئ", "شيء"),
        ("لاجىء", "لاجئ"),
        ("برىء", "بريء"),
    ],
)
def test_hamza_seat_variants_meet(variant, standard):
    """Egyptian print writes مسئول and شئ; readers search مسؤول and شيء."""
    assert normalise(variant) == normalise(standard)


@pytest.mark.parametrize("word", ["ماء", "جزء", "سماء", "بدء", "ضوء"])
def test_standalone_hamza_is_kept(word):
    """Dropping ء would turn ماء (water) into the stop word ما."""
    assert normalise(word).endswith("ء")
