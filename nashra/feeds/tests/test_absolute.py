import pytest

from nashra.feeds.absolute import absolutise

ROOT = "https://nashra.example"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="/tag/روسيا/">روسيا</a>', f'<a href="{ROOT}/tag/روسيا/">روسيا</a>'),
        (
            '<img src="/media/a.jpg" alt="صورة">',
            f'<img src="{ROOT}/media/a.jpg" alt="صورة">',
        ),
        (
            '<img srcset="/m/a.jpg 640w, /m/b.jpg 960w">',
            f'<img srcset="{ROOT}/m/a.jpg 640w, {ROOT}/m/b.jpg 960w">',
        ),
        # Already absolute, protocol-relative and fragment links stay as they are.
        (
            '<a href="https://other.example/x">خارجي</a>',
            '<a href="https://other.example/x">خارجي</a>',
        ),
        ('<img src="//cdn.example/a.jpg">', '<img src="//cdn.example/a.jpg">'),
        ('<a href="#فقرة">انتقل</a>', '<a href="#فقرة">انتقل</a>'),
        ("نص بلا روابط", "نص بلا روابط"),
        ("", ""),
    ],
)
def test_root_relative_links_become_absolute(html, expected):
    """A feed reader shows the body on its own host: /media/… would point there."""
    assert absolutise(html, ROOT) == expected


def test_text_that_only_looks_like_a_link_is_left_alone():
    """Only attributes are rewritten, never the words of an article (rendered
    text has its quotes escaped, so it cannot match an attribute)."""
    text = "<p>اكتب href=&quot;/x&quot; في المتصفح</p>"
    assert absolutise(text, ROOT) == text
