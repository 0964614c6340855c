import pytest
from defusedxml import ElementTree

from nashra.core.tests.shared import require_shared
from nashra.text.reading import (
    ARABIC_WORDS_PER_MINUTE,
    count_words,
    plain_text,
    reading_minutes,
)

CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("خبر", 1),
        ("أعلنت الحكومة اليوم خطة جديدة", 5),
        # Diacritics are combining marks, not word breaks.
        ("كَتَبَ الطَّالِبُ الدَّرْسَ", 3),
        # Clitics are part of the word they attach to.
        ("وبمدينتهم فسيكتبونها", 2),
        # Dashes, the Arabic comma and lone quotes are not words.
        ("قال — بعد صمت — ، « نعم »", 4),
        ("في عام 2024 ارتفع المؤشر ٣٫٥ نقطة", 7),
        ("نص\u00a0بمسافة\u00a0غير\u00a0منكسرة", 4),
        ("سلام...!!! ؟", 1),
        ("Breaking: خبر عاجل", 3),
        # Persian joins compounds with ZWNJ (U+200C); it is not a space.
        ("یک\u200cجور تازه", 2),
    ],
)
def test_count_words(text, expected):
    """Punctuation-only tokens would inflate the estimate of a short item."""
    assert count_words(text) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>الفقرة الأولى</p><p>الفقرة الثانية</p>", "الفقرة الأولى الفقرة الثانية"),
        ("<b>ال</b>عربية", "العربية"),
        ("سطر<br>وسطر", "سطر وسطر"),
        ("<ul><li>أ</li><li>ب</li></ul>", "أ ب"),
        ("قبل<script>var x = 'كلمات كثيرة';</script>بعد", "قبلبعد"),
        ("<style>p { color: red }</style><p>نص</p>", "نص"),
        ("<p>الدولار &amp; اليورو &lt;3 &#1605;</p>", "الدولار & اليورو <3 م"),
        ("<p>غير مغلق", "غير مغلق"),
        ("<div><p>متداخل <em>جدًا</em></p></div>", "متداخل جدًا"),
        ("<!-- تعليق مخفي --><p>ظاهر</p>", "ظاهر"),
        ("نص بلا وسوم", "نص بلا وسوم"),
        ("", ""),
    ],
)
def test_plain_text(html, expected):
    """Script bodies and comments are not read, and block tags separate words."""
    assert plain_text(html) == expected


def test_plain_text_survives_broken_markup():
    """Bodies imported from old WordPress sites are often malformed."""
    text = plain_text("<p <<>>كلمة</p></div></div><script>")
    assert "كلمة" in text
    assert "<" not in text


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (0, 1),
        (1, 1),
        (269, 1),
        (270, 2),
        (449, 2),
        (450, 3),
        (1800, 10),
    ],
)
def test_reading_minutes_rounds_to_nearest_with_minimum(words, expected):
    """A one-line brief still says "1 minute", never "0 minutes"."""
    assert ARABIC_WORDS_PER_MINUTE == 180
    assert reading_minutes("كلمة " * words) == expected


def test_reading_minutes_custom_speed():
    """Themes may tune the speed for a slower or faster audience."""
    assert reading_minutes("كلمة " * 600, words_per_minute=200) == 3


def test_reading_minutes_html_ignores_markup():
    """Attributes and scripts in a rendered body must not count as words."""
    body = (
        '<figure><img src="a.jpg" alt="صورة"></figure>'
        + "<p>" + "كلمة " * 360 + "</p>"
        + "<script>" + "x " * 5000 + "</script>"
    )  # fmt: skip
    assert reading_minutes(body, html=True) == 2
    assert reading_minutes(body) > 2


@pytest.mark.parametrize("bad", [0, -180])
def test_reading_minutes_rejects_non_positive_speed(bad):
    """A zero speed from a settings typo would divide by zero at render time."""
    with pytest.raises(ValueError):
        reading_minutes("نص", words_per_minute=bad)


@pytest.mark.parametrize("bad", [180.0, "180", True])
def test_reading_minutes_rejects_non_int_speed(bad):
    """A string speed from an env var must be converted by the caller."""
    with pytest.raises(TypeError):
        reading_minutes("نص", words_per_minute=bad)


def test_gutenberg_bodies_from_shared_fixture():
    """Real WordPress bodies (Persian, Arabic script, Gutenberg block comments):
    block markers like "wp:paragraph" must not be counted as words, and
    ZWNJ-joined words ("یک‌جور") must stay whole."""
    export = require_shared(
        "fixtures", "wordpress", "parchlinux-blog.wordpress-export.xml"
    )
    tree = ElementTree.parse(export)
    bodies = [node.text or "" for node in tree.iter(CONTENT_ENCODED)]
    longest = max(bodies, key=len)
    assert "<!-- wp:paragraph" in longest
    text = plain_text(longest)
    assert "wp:" not in text
    assert 1500 < count_words(text) < 2500
    assert 8 <= reading_minutes(longest, html=True) <= 14
