"""Theme reading features in Chromium: ticker, colour scheme, mobile menu, share (#4)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect


@pytest.fixture
def breaking(newspaper):
    from nashra.articles.models import Breaking

    for article in newspaper["articles"][:3]:
        Breaking.objects.create(
            page=article, until=timezone.now() + timezone.timedelta(hours=1)
        )
    return newspaper


def test_ticker_moves_pauses_and_is_keyboard_reachable(page, live_server, breaking):
    page.goto(live_server.url + "/")
    ticker = page.locator("[data-ticker]")
    assert ticker.locator("li").count() == 3
    items = page.locator(".ticker__items")
    assert items.evaluate("el => getComputedStyle(el).animationName") == "ticker-move"
    button = page.locator("[data-ticker-pause]")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert items.evaluate("el => getComputedStyle(el).animationPlayState") == "paused"
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    # Hover and focus inside the ticker also hold it; move away to see it run.
    button.evaluate("el => el.blur()")
    page.mouse.move(5, 850)
    assert items.evaluate("el => getComputedStyle(el).animationPlayState") == "running"
    # Focus inside the ticker pauses it too, so a keyboard user can read and follow.
    ticker.locator("a").first.focus()
    assert items.evaluate("el => getComputedStyle(el).animationPlayState") == "paused"


def test_ticker_is_still_under_reduced_motion(page, live_server, breaking):
    page.emulate_media(reduced_motion="reduce")
    page.goto(live_server.url + "/")
    items = page.locator(".ticker__items")
    assert items.evaluate("el => getComputedStyle(el).animationName") == "none"
    assert page.locator("[data-ticker-pause]").is_hidden()
    assert page.locator(".ticker__items a").first.is_visible()


def test_ticker_reads_without_javascript(browser, live_server, breaking):
    context = browser.new_context(
        bypass_csp=True, java_script_enabled=False, locale="ar"
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    assert tab.locator(".ticker__items a").first.is_visible()
    context.close()


def test_colour_scheme_toggle_is_remembered(page, live_server, newspaper):
    page.emulate_media(color_scheme="light")
    page.goto(live_server.url + "/")
    background = "getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(255, 255, 255)"
    toggle = page.locator("[data-scheme-toggle]")
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.scheme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate(background) != "rgb(255, 255, 255)"
    page.goto(live_server.url + newspaper["articles"][0].url)
    assert page.evaluate("document.documentElement.dataset.scheme") == "dark"
    page.locator("[data-scheme-toggle]").click()
    page.reload()
    assert page.evaluate("document.documentElement.dataset.scheme") == "light"


def test_auto_scheme_follows_the_system(page, live_server, newspaper):
    page.emulate_media(color_scheme="dark")
    page.goto(live_server.url + "/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != (
        "rgb(255, 255, 255)"
    )


def test_mobile_menu_opens_with_details_summary(page, live_server, newspaper):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/")
    nav = page.locator(".site-nav")
    assert nav.is_hidden()
    page.locator(".site-menu__toggle").click()
    assert nav.is_visible()
    assert nav.locator("a", has_text="أخبار العالم").is_visible()


def test_copy_link_button_copies_the_article_address(
    page, live_server, newspaper, outside_requests
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    article = newspaper["articles"][0]
    page.goto(live_server.url + article.url)
    # The module that handles the click loads after the HTML; wait for it.
    page.wait_for_load_state("networkidle")
    copy = page.locator("[data-copy-link]")
    copy.click()
    # Writing to the clipboard is asynchronous: wait for the status line.
    expect(page.locator("[data-share-status]")).to_have_text("نُسخ الرابط.")
    copied = page.evaluate("navigator.clipboard.readText()")
    # The short form the page gives (#18), on the Site's public address.
    shared = page.locator("[data-share-url]").get_attribute("data-share-url")
    assert copied == shared
    assert copied.endswith(f"/a/{article.pk}/")
    links = page.locator(".share__link[href]")
    assert links.count() == 5
    assert outside_requests == []
