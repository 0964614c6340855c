"""Recent dates read as relative time in the reader's browser (#14).

The page (and its cards) may come from the cache; the script turns the
absolute <time> into "منذ …" with the reader's clock, in the words
nashra.text.dates.format_relative uses.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from nashra.articles.factories import create_article, create_author
from nashra.text.dates import format_relative

AGES = [timedelta(seconds=20), timedelta(minutes=1), timedelta(minutes=2),
        timedelta(minutes=5), timedelta(minutes=11), timedelta(hours=2),
        timedelta(hours=7), timedelta(hours=23)]  # fmt: skip


@pytest.fixture
def recent(newspaper):
    now = timezone.now()
    made = [
        create_article(newspaper["world"], f"حديث {n}", slug=f"recent-{n}",
                       published_at=now - age)
        for n, age in enumerate(AGES)
    ]  # fmt: skip
    return newspaper, made, now


def test_cards_say_how_long_ago_in_arabic(page, live_server, recent):
    newspaper, made, now = recent
    page.goto(live_server.url + newspaper["world"].url)
    for article in made:
        time = page.locator(
            f'.card:has(a[href="{article.url}"]) time[data-relative]'
        ).first
        expected = format_relative(article.published_at, timezone.now())
        assert time.text_content() == expected, article.title
        # The exact date and time stay in the title.
        assert "الساعة" in time.get_attribute("title")


def test_older_dates_stay_absolute(page, live_server, newspaper):
    old = create_article(newspaper["world"], "قديم", slug="old-one",
                         published_at=timezone.now() - timedelta(days=3))  # fmt: skip
    page.goto(live_server.url + old.url)
    text = page.locator(".byline__date").text_content()
    assert "الساعة" in text and "منذ" not in text


def test_the_shorter_relative_date_moves_nothing(browser, live_server, newspaper):
    """On a phone the long date wrapped the byline onto a second line; the
    relative text is shorter and took the line back, so the page moved up
    (Lighthouse CLS 0.036 on the demo's lead story, #20)."""
    writer = create_author("عبد الرحمن بن سليمان القاضي")
    made = create_article(newspaper["world"], "خبر حديث", slug="moves-nothing",
                          authors=[writer],
                          published_at=timezone.now() - timedelta(hours=2))  # fmt: skip
    heights = {}
    for scripts in (False, True):
        context = browser.new_context(viewport={"width": 412, "height": 823},
                                      java_script_enabled=scripts, bypass_csp=True)  # fmt: skip
        tab = context.new_page()
        tab.goto(live_server.url + made.url)
        if scripts:
            tab.wait_for_function(
                "document.querySelector('.byline__date').textContent.includes('منذ')"
            )
        heights[scripts] = tab.evaluate(
            "[document.querySelector('.byline').getBoundingClientRect().height,"
            " document.querySelector('.article__tools, .article__body')"
            ".getBoundingClientRect().top]"
        )
        context.close()
    assert heights[True] == heights[False]
