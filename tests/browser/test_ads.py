"""Every ad slot on, in Chromium under the site's real security policy (#20):
nothing moves as the ads arrive (CLS ≤ 0.02 on a throttled phone and on a
desktop), the network's code runs after the page and only from the hosts
the slot names, and a house ad links where the newsroom said."""

from urllib.parse import urlsplit

import pytest

from nashra.articles.factories import create_article, paragraph

MAX_CLS = 0.02
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1_474_560 / 8,
    "uploadThroughput": 675_000 / 8,
}
CLS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1500);
})"""
COLLECT = (
    "window.nashraViolations = [];"
    "document.addEventListener('securitypolicyviolation', (e) =>"
    " window.nashraViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)
# What the network's tag does once fetched: draws a creative bigger than its
# slot, as real ones do, and says it ran.
TAG = (
    "for (const box of document.querySelectorAll('.ad-test')) {"
    " const creative = document.createElement('div');"
    " creative.textContent = 'إعلان الشبكة';"
    " creative.style.blockSize = '400px'; creative.style.inlineSize = '728px';"
    " box.append(creative); }"
    "document.body.dataset.adTag = 'loaded';"
)
AD_HOST = "https://ads.example-network.test"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def slotted(newspaper):
    from nashra.ads.tests.factories import every_slot

    every_slot(newspaper["image"])
    return create_article(
        newspaper["world"], "خبر بكل الإعلانات", slug="خبر-بكل-الإعلانات",
        body=[paragraph(f"فقرة طويلة من نص الخبر {'كلمة ' * 60}") for _ in range(6)],
        featured_image=newspaper["image"],
    )  # fmt: skip


def open_tab(browser, viewport, outside, slow=False):
    context = browser.new_context(
        locale="ar", viewport=viewport, is_mobile=viewport is PHONE,
        has_touch=viewport is PHONE,
    )  # fmt: skip
    context.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlsplit(r.url).hostname not in ("127.0.0.1", "localhost")
            else None
        ),
    )
    context.route(
        AD_HOST + "/**",
        lambda route: route.fulfill(body=TAG, content_type="text/javascript"),
    )
    tab = context.new_page()
    tab.add_init_script(COLLECT)
    if slow:
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return context, tab


@pytest.mark.parametrize(("viewport", "slow"), [(PHONE, True), (DESKTOP, False)])
def test_every_slot_on_and_nothing_moves(browser, live_server, slotted, viewport, slow):
    outside = []
    context, tab = open_tab(browser, viewport, outside, slow)
    tab.goto(live_server.url + slotted.url, wait_until="load")
    # The inline script of the code ran (allowed by its hash), then the tag.
    tab.wait_for_selector('.ad-test[data-ran="yes"]', state="attached")
    tab.wait_for_selector('body[data-ad-tag="loaded"]', state="attached")
    shift = tab.evaluate(CLS)
    violations = tab.evaluate("window.nashraViolations")
    # The creative is taller than its slot: the slot's box keeps its size.
    box = tab.locator('[data-ad-slot="under-title"] .ad-slot__box').bounding_box()
    sticky = tab.locator('[data-ad-slot="phone-footer"]').is_visible()
    context.close()
    assert shift <= MAX_CLS
    assert violations == []
    assert round(box["height"]) == 250
    assert box["width"] <= viewport["width"]
    assert sticky is (viewport is PHONE)
    assert {url.split("/tag.js")[0] for url in outside} == {AD_HOST}


def test_house_ad_links_where_the_newsroom_said(page, live_server, slotted):
    page.goto(live_server.url + slotted.url)
    link = page.locator('[data-ad-slot="top"] a')
    assert link.get_attribute("rel") == "sponsored noopener"
    assert "example.test" in link.get_attribute("href")
    image = link.locator("img")
    assert image.get_attribute("alt") == "عرض خاص"
    box = page.locator('[data-ad-slot="top"] .ad-slot__box').bounding_box()
    assert round(box["width"] / box["height"]) == round(728 / 90)


def test_consent_banner_by_keyboard_then_remembered(browser, live_server, newspaper):
    """A network that sets cookies runs only after the reader's yes; the
    choice is made with the keyboard and kept for the next page."""
    from wagtail.models import Site

    from nashra.ads.models import AdsSettings
    from nashra.ads.tests.factories import network

    AdsSettings.objects.create(
        site=Site.objects.get(is_default_site=True), consent_banner=True
    )
    network("tracker", "header", sets_cookies=True)
    outside = []
    context, tab = open_tab(browser, DESKTOP, outside)
    url = live_server.url + newspaper["articles"][0].url
    tab.goto(url, wait_until="load")
    banner = tab.get_by_role("region", name="اختيارك بشأن الإعلانات")
    banner.wait_for()
    assert tab.locator('.ad-test[data-ran="yes"]').count() == 0
    assert outside == []
    agree = banner.get_by_role("button", name="أوافق")
    # The reader tabs through the page to the banner: the menu, breadcrumbs,
    # text size, widgets and the article's links come first (#20).
    for _ in range(200):
        tab.keyboard.press("Tab")
        if agree.evaluate("button => document.activeElement === button"):
            break
    assert agree.evaluate("button => document.activeElement === button")
    tab.keyboard.press("Enter")
    tab.wait_for_selector('.ad-test[data-ran="yes"]', state="attached")
    assert banner.is_hidden()
    tab.goto(url, wait_until="load")
    tab.wait_for_selector('.ad-test[data-ran="yes"]', state="attached")
    assert tab.locator("[data-ad-consent-banner]").is_hidden()
    context.close()


def test_consent_refused_keeps_the_code_out(browser, live_server, newspaper):
    from wagtail.models import Site

    from nashra.ads.models import AdsSettings
    from nashra.ads.tests.factories import network

    AdsSettings.objects.create(
        site=Site.objects.get(is_default_site=True), consent_banner=True
    )
    network("tracker", "header", sets_cookies=True)
    outside = []
    context, tab = open_tab(browser, PHONE, outside)
    url = live_server.url + newspaper["articles"][0].url
    tab.goto(url, wait_until="load")
    tab.get_by_role("button", name="لا، شكرًا").click()
    tab.goto(url, wait_until="load")
    assert tab.locator("[data-ad-consent-banner]").is_hidden()
    assert tab.locator('.ad-test[data-ran="yes"]').count() == 0
    context.close()
    assert outside == []
