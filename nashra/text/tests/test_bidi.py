"""Latin names and numbers inside Arabic text must be isolated (#2).

Without <bdi>, a full stop or a percent sign next to a Latin run can be
drawn on the wrong side of an Arabic sentence.
"""

import pytest

from nashra.text.bidi import isolate_html, isolate_segments, isolate_text


@pytest.mark.parametrize(
    ("text", "isolated"),
    [
        ("بوتين يزور كوريا الشمالية لأول مرة منذ 24 عاما", ["24"]),
        ("ارتفع سهم Apple بنسبة 3.5%.", ["Apple", "3.5%"]),
        ("أطلقت منصة Sahm 2.0 اليوم", ["Sahm 2.0"]),
        ("فاز الفريق 2-1 على ضيفه", ["2-1"]),
        ("قمة COP30 في المدينة", ["COP30"]),
        ("التقى كيم جونغ أون", []),
        ("", []),
        ("Élysée يصدر بيانا", ["Élysée"]),
    ],
)
def test_foreign_runs_are_isolated_in_rtl(text, isolated):
    assert [part for part, flag in isolate_segments(text) if flag] == isolated


def test_segments_rebuild_the_text():
    text = "«وزير الخارجية» Sergei قال: 100 مليون (USD)."
    assert "".join(part for part, _ in isolate_segments(text)) == text


def test_punctuation_next_to_a_run_stays_outside_it():
    """The sentence's own full stop belongs to the Arabic paragraph."""
    assert isolate_text("زار Paris.") == "زار <bdi>Paris</bdi>."


def test_text_is_escaped():
    """Isolation must not become an XSS hole."""
    assert isolate_text("<script>alert(1)</script>") == (
        "&lt;<bdi>script</bdi>&gt;<bdi>alert</bdi>(<bdi>1</bdi>)&lt;/<bdi>script</bdi>&gt;"
    )


def test_ltr_pages_isolate_arabic_runs():
    assert isolate_text("The word مرحبا means hello", base="ltr") == (
        "The word <bdi>مرحبا</bdi> means hello"
    )


def test_html_tags_and_entities_are_left_intact():
    """Entities are decoded and re-escaped whole, never split by a <bdi>."""
    html = (
        '<p>قال &quot;Kim&quot; <a href="https://example.org/x?a=1&amp;b=2">هنا</a></p>'
    )
    assert isolate_html(html) == (
        '<p>قال "<bdi>Kim</bdi>" '
        '<a href="https://example.org/x?a=1&amp;b=2">هنا</a></p>'
    )


def test_code_is_not_touched():
    html = "<pre><code>print(1)</code></pre><p>رقم 5</p>"
    assert (
        isolate_html(html) == "<pre><code>print(1)</code></pre><p>رقم <bdi>5</bdi></p>"
    )
