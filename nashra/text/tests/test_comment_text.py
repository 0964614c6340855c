"""Comment text: invisible characters, safe rendering, links and websites (#3)."""

import doctest
import re
import time

import pytest

from nashra.text import comment_text
from nashra.text.comment_text import (
    clean_comment,
    count_links,
    neutralise_invisible,
    render_comment,
    safe_website,
)

RLO = "\u202e"
ZWSP = "\u200b"
ZWNJ = "\u200c"
ZWJ = "\u200d"


@pytest.mark.parametrize(
    "control",
    [
        "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
        "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f", "\u061c",
        "\u200b", "\u2060", "\ufeff", "\u00ad",
        "\x00", "\x07", "\x1b", "\x7f", "\x9b",
        "\ue000", "\U000f0000", "\udc80",
    ],
)  # fmt: skip
def test_invisible_and_control_characters_are_removed(control):
    """Bidi overrides, zero-width spaces, controls and private-use glyphs hide
    or reorder text that moderators and readers see differently."""
    assert neutralise_invisible(f"تعليق{control}عادي") == "تعليقعادي"


def test_rlo_reversed_filename_spoof_is_defused():
    """'invoice‮fdp.exe' displays as 'invoiceexe.pdf': the override must go."""
    spoof = f"حمّل الفاتورة invoice{RLO}fdp.exe"
    assert neutralise_invisible(spoof) == "حمّل الفاتورة invoicefdp.exe"
    assert RLO not in render_comment(spoof)


def test_zero_width_characters_cannot_split_a_blocked_word():
    """'كا​زي​نو' with zero-width spaces must read as the word it is."""
    assert neutralise_invisible(f"كا{ZWSP}زي{ZWSP}نو") == "كازينو"
    assert neutralise_invisible(f"ca{ZWJ}si{ZWJ}no") == "casino"


def test_zwnj_between_letters_is_kept_for_persian_spelling():
    """'می‌خواهم' needs ZWNJ; stray and repeated ZWNJ carry no meaning."""
    assert neutralise_invisible(f"می{ZWNJ}خواهم") == f"می{ZWNJ}خواهم"
    assert neutralise_invisible(f"می{ZWNJ}{ZWNJ}{ZWNJ}خواهم") == f"می{ZWNJ}خواهم"
    assert neutralise_invisible(f"{ZWNJ}رأي {ZWNJ}") == "رأي "


def test_emoji_zwj_sequences_survive():
    """A family or profession emoji is one picture joined by ZWJ."""
    coder = f"\U0001f469{ZWJ}\U0001f4bb"
    assert neutralise_invisible(f"أحسنتم {coder}") == f"أحسنتم {coder}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("سطر\r\nسطر", "سطر\nسطر"),
        ("سطر\rسطر", "سطر\nسطر"),
        ("فقرة\u2029فقرة", "فقرة\n\nفقرة"),
        ("عمود\tعمود", "عمود\tعمود"),
        ("\u0627\u0653", "\u0622"),  # NFC: alef + madda above → آ
    ],
)
def test_line_breaks_tabs_and_nfc(raw, expected):
    """Windows line ends and Unicode separators become \\n; text is NFC."""
    assert neutralise_invisible(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("   \n\n  ", ""),
        ("  مقال ممتاز.  \r\n\r\n\r\n\r\nشكراً  ", "مقال ممتاز.\n\nشكراً"),
        ("سطر\nسطر", "سطر\nسطر"),
        ("أ\n\nب", "أ\n\nب"),
    ],
)
def test_clean_comment(raw, expected):
    """Stored comments are trimmed, with at most one blank line in a row."""
    assert clean_comment(raw) == expected


def test_clean_comment_bounds_length():
    """An overlong comment cannot grow the database without limit."""
    assert clean_comment("ب" * 6000) == "ب" * 5000
    assert clean_comment("أبجد هوز", max_chars=4) == "أبجد"
    with pytest.raises(ValueError):
        clean_comment("نص", max_chars=0)


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "<a href='javascript:alert(1)'>اضغط</a>",
        "&lt;script&gt;",
        "<svg/onload=alert(1)>",
        "'><iframe src=//evil.example>",
        'https://example.com/"onmouseover="alert(1)',
        "https://example.com/'onmouseover='alert(1)",
        "www.example.com/<script>",
    ],
)
def test_render_never_emits_reader_markup(attack):
    """XSS: a reader's text may only ever produce our own <p>, <br>, <bdi>, <a>."""
    rendered = render_comment(attack)
    tags = re.findall(r"</?([a-zA-Z]+)", rendered)
    assert set(tags) <= {"p", "br", "bdi", "a"}
    assert "<script" not in rendered and "<img" not in rendered
    for attribute in re.findall(r'\s([a-z-]+)="', rendered):
        assert attribute in {"href", "rel", "dir"}


def test_entities_are_escaped_not_decoded():
    """'&lt;' typed by a reader must show as the five characters, not '<'."""
    assert render_comment("&lt;b&gt;") == "<p>&amp;lt;b&amp;gt;</p>"


@pytest.mark.parametrize(
    "scheme",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.com/x",
        "//evil.example/x",
        "mailto:a@example.com",
    ],
)
def test_only_http_links_are_made(scheme):
    """Dangerous and foreign schemes are shown as text, never as a link."""
    assert "<a" not in render_comment(f"انظر {scheme}")
    assert count_links(scheme) == 0


def test_link_attributes_and_isolation():
    """Links carry rel=nofollow ugc noopener, no target, inside <bdi dir=ltr>."""
    rendered = render_comment("https://example.com")
    assert rendered == (
        '<p><bdi dir="ltr"><a href="https://example.com" '
        'rel="nofollow ugc noopener">https://example.com</a></bdi></p>'
    )
    assert "target" not in rendered


def test_www_links_get_https():
    """www. addresses are linked, over https."""
    assert 'href="https://www.example.com/x"' in render_comment("www.example.com/x")


@pytest.mark.parametrize(
    ("text", "href", "after"),
    [
        ("المصدر: https://example.com/a.", "https://example.com/a", ".</p>"),
        ("هل رأيت https://example.com/a؟", "https://example.com/a", "؟</p>"),
        ("انظر https://example.com/a، وأيضاً", "https://example.com/a", "، وأيضاً"),
        ("رابط https://example.com/a؛ ثم", "https://example.com/a", "؛ ثم"),
        ("«https://example.com/a»", "https://example.com/a", "»</p>"),
        ("“https://example.com/a”", "https://example.com/a", "”</p>"),
        ("(https://example.com/a)", "https://example.com/a", ")</p>"),
        ("wow https://example.com/a!", "https://example.com/a", "!</p>"),
        (
            "انظر https://en.wikipedia.org/wiki/Cairo_(city).",
            "https://en.wikipedia.org/wiki/Cairo_(city)",
            ".</p>",
        ),
    ],
)
def test_trailing_punctuation_stays_outside_the_link(text, href, after):
    """Arabic and Latin sentence punctuation after a URL is not part of it."""
    rendered = render_comment(text)
    assert f'href="{href}"' in rendered
    assert rendered.endswith(after) or after in rendered


def test_arabic_text_around_url_is_intact():
    """Arabic words glued to a URL keep their order and letters."""
    rendered = render_comment("قرأت الخبر في https://example.com/news اليوم، شكراً")
    assert rendered.startswith("<p>قرأت الخبر في <bdi")
    assert rendered.endswith("</bdi> اليوم، شكراً</p>")


def test_arabic_url_path_is_encoded_in_href_and_readable_in_text():
    """An Arabic slug is percent-encoded in the href and shown decoded."""
    rendered = render_comment("https://example.com/أخبار/مقال")
    assert 'href="https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/' in rendered
    assert ">https://example.com/أخبار/مقال</a>" in rendered


def test_percent_encoded_override_is_not_decoded_for_display():
    """%E2%80%AE (RLO) must not come back as a real override in link text."""
    rendered = render_comment("https://example.com/%E2%80%AEfdp.exe")
    assert RLO not in rendered
    assert ">https://example.com/%E2%80%AEfdp.exe</a>" in rendered


def test_href_escapes_ampersand_and_quote():
    """Query strings are attribute-escaped; a quote cannot end the href."""
    rendered = render_comment("https://example.com/?a=1&b='x'y")
    assert 'href="https://example.com/?a=1&amp;b=&#x27;x&#x27;y"' in rendered


def test_long_url_display_is_shortened():
    """A 300-character URL does not break the comment column."""
    url = "https://example.com/" + "a" * 300
    rendered = render_comment(url)
    text = re.search(r">([^<]*)</a>", rendered).group(1)
    assert len(text) == 60 and text.endswith("…")
    assert f'href="{url}"' in rendered


@pytest.mark.parametrize(
    "not_a_link",
    [
        "http://user:pass@bank.example/login",
        "https://bank.example@evil.example/",
        "https://localhost/admin",
        "http://",
        "www.",
        "https://evil.example\\@bank.example",
        "e-mail.www.example.com",
        "me@www.example.com",
    ],
)
def test_suspicious_or_incomplete_urls_are_not_linked(not_a_link):
    """User-info phishing, dotless hosts and glued 'www.' are left as text."""
    assert "<a" not in render_comment(not_a_link)


def test_paragraphs_and_line_breaks():
    """Blank lines make paragraphs; single newlines make <br>."""
    rendered = render_comment("سطر أول\r\nسطر ثانٍ\n\n  \nفقرة ثانية")
    assert rendered == "<p>سطر أول<br>\nسطر ثانٍ</p>\n<p>فقرة ثانية</p>"


@pytest.mark.parametrize("empty", ["", "   ", "\n\n", "\u200b\u202e", "\r\n"])
def test_empty_input_renders_nothing(empty):
    """An empty or invisible-only comment renders as the empty string."""
    assert render_comment(empty) == ""
    assert count_links(empty) == 0


def test_emoji_are_kept():
    """Emoji (including astral-plane ones) pass through unchanged."""
    assert render_comment("رائع 👏🏽 ❤️") == "<p>رائع 👏🏽 ❤️</p>"


def test_count_links():
    """The 'hold when more than N links' rule counts what would be linked."""
    text = "مصدر https://a.example و www.b.example، وليس javascript:x ولا a.example"
    assert count_links(text) == 2
    assert count_links("https://a.example https://a.example") == 2


@pytest.mark.parametrize(
    "payload",
    [
        "a" * 1_000_000,
        "http://" + "a" * 1_000_000,
        "https://x.example/" + ")" * 1_000_000,
        "www." * 250_000,
        "(" * 1_000_000,
        "\n \n" * 333_333,
        ZWJ * 1_000_000,
        ("a" + ZWNJ) * 500_000,
        "https://x.example/" + "." * 1_000_000 + "a",
        "<" * 1_000_000,
        "هل" + "؟" * 1_000_000,
    ],
)
def test_one_megabyte_is_linear(payload):
    """ReDoS: a 1 MB hostile comment must render in well under a few seconds."""
    started = time.perf_counter()
    render_comment(payload)
    count_links(payload)
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com", "https://example.com"),
        ("  HTTP://Example.COM/Path?q=1  ", "http://example.com/Path?q=1"),
        ("www.example.com", "https://www.example.com"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/مقال", "https://example.com/%D9%85%D9%82%D8%A7%D9%84"),
        ("https://موقع.مصر/", "https://موقع.مصر/"),
    ],
)
def test_safe_website_accepts_and_normalises(url, expected):
    """A commenter's site is stored as one canonical http(s) URL."""
    assert safe_website(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/relative/path",
        "example.com",
        "https://user:pass@example.com",
        "https://example.com@evil.example",
        "https://exa mple.com",
        "https://example.com/\x00",
        "https://example.com/\u202egpj.exe",
        "https://" + "a" * 200 + ".com",
        "https://localhost",
        "https://",
        "https:example.com",
        "https://example.com:99999",
        "https://evil.example\\@example.com",
        "ftp://example.com",
        None,
        42,
    ],
)
def test_safe_website_refuses(url):
    """Script schemes, relative URLs, credentials, controls and overlong URLs."""
    assert safe_website(url) is None


def test_docstring_examples():
    """The Arabic examples in the docstrings are true."""
    assert doctest.testmod(comment_text).failed == 0


def test_translation_cache_is_bounded():
    """Memory DoS: a comment made of every code point cannot grow the cache."""
    everything = "".join(chr(code) for code in range(0x20, 0x40000, 3))
    neutralise_invisible(everything)
    assert len(comment_text._TABLE) <= comment_text._TABLE_LIMIT
