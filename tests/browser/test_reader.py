"""A reader's journey in Chromium: RTL article page, back to top, nothing off-site (#2)."""

from urllib.parse import unquote


def test_article_page_renders_rtl_in_reference_order(
    page, live_server, newspaper, outside_requests
):
    article = newspaper["articles"][0]
    page.goto(live_server.url + article.url)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    order = page.evaluate(
        """() => ['.article__section', '.article__title', '.byline', '.article__image',
                  '.article__body', '.article__tags', '.back-to-top']
            .map(s => document.querySelector(s))
            .map(el => el ? el.compareDocumentPosition(document.body) : -1)"""
    )
    assert -1 not in order
    boxes = [
        page.locator(s).bounding_box()["y"]
        for s in (
            ".article__section",
            ".article__title",
            ".byline",
            ".article__image",
            ".article__body",
        )
    ]
    assert boxes == sorted(boxes)
    # The section label sits at the right edge in RTL.
    label = page.locator(".article__section").bounding_box()
    title = page.locator(".article__title").bounding_box()
    assert abs((label["x"] + label["width"]) - (title["x"] + title["width"])) < 2
    assert unquote(page.url).endswith(unquote(article.url))
    assert outside_requests == []


def test_back_to_top_appears_after_scrolling_and_scrolls_up(
    page, live_server, newspaper
):
    article = newspaper["articles"][0]
    page.goto(live_server.url + article.url)
    page.evaluate("document.body.style.minHeight = '5000px'")
    button = page.locator(".back-to-top")
    assert not button.is_visible()
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 1000")
    button.wait_for(state="visible")
    button.click()
    page.wait_for_function("window.scrollY === 0", timeout=5000)


def test_back_to_top_without_javascript(browser, live_server, newspaper):
    context = browser.new_context(bypass_csp=True, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + newspaper["articles"][0].url)
    tab.evaluate("1")  # no-op: scripts are off, evaluate still works
    link = tab.locator("a.back-to-top")
    assert link.get_attribute("href") == "#top"
    context.close()


def test_no_page_requests_a_third_party_host(
    page, live_server, newspaper, outside_requests
):
    article = newspaper["articles"][0]
    for path in (
        "/",
        newspaper["world"].url,
        article.url,
        "/tag/روسيا/",
        "/author/salma/",
        "/no-such-page/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert outside_requests == []


def test_font_is_self_hosted_and_used(page, live_server, newspaper):
    fonts = []
    page.on(
        "request",
        lambda request: (
            fonts.append(request.url) if request.resource_type == "font" else None
        ),
    )
    page.goto(live_server.url + newspaper["articles"][0].url)
    page.wait_for_load_state("networkidle")
    # The Arabic subsets of the two weights, from this server (#12); the
    # letters of other languages are in files an Arabic page leaves alone.
    assert sum("-arabic." in url for url in fonts) == 2
    assert not any("-extended." in url for url in fonts)
    assert all(url.startswith(live_server.url) for url in fonts)
    assert all(url.endswith(".woff2") for url in fonts)
    assert page.evaluate("document.fonts.check('16px \"Nashra Sans Arabic\"', 'خبر')")
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Nashra Sans Arabic"')


def test_mobile_menu_works_without_javascript(browser, live_server, newspaper):
    context = browser.new_context(
        bypass_csp=True,
        java_script_enabled=False,
        viewport={"width": 390, "height": 800},
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    nav = tab.locator(".site-nav")
    assert not nav.is_visible()
    tab.locator(".site-menu__toggle").click()
    assert nav.is_visible()
    context.close()


def test_reading_progress_follows_the_scroll(page, live_server, newspaper):
    """Measured after layout (a ResizeObserver), never forcing one at load."""
    page.goto(live_server.url + newspaper["articles"][0].url)
    page.evaluate("document.querySelector('.article__body').style.minHeight = '5000px'")
    progress = page.locator("[data-reading-progress]")
    page.wait_for_function(
        "document.querySelector('[data-reading-progress]').value === 0"
    )
    page.mouse.wheel(0, 2500)
    page.wait_for_function(
        "document.querySelector('[data-reading-progress]').value > 20", timeout=5000
    )
    assert progress.get_attribute("max") == "100"
