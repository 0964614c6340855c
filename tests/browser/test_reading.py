"""The reader's text size and «وضع القراءة» in Chromium (#20).

The size is chosen with the keyboard, kept in localStorage, and on the next
page it is already there in the first frame that shows the article body:
no re-flow after paint, so no layout shift. Under the site's own
Content-Security-Policy: the early script runs by its hash.
"""

from playwright.sync_api import expect

MAX_CLS = 0.01
CLS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1000);
})"""
# The body's font size and box in the first frame that shows it, before
# the page's module scripts run.
FIRST_FRAME = """
window.nashraFirstFrame = null;
const look = () => {
  const body = document.querySelector(".article__body");
  if (!body) { requestAnimationFrame(look); return; }
  const box = body.getBoundingClientRect();
  window.nashraFirstFrame = {size: getComputedStyle(body).fontSize,
                             top: box.top, width: box.width};
};
requestAnimationFrame(look);
"""
BODY_SIZE = "getComputedStyle(document.querySelector('.article__body')).fontSize"
NORMAL_PX = 1.2 * 16


def px(value):
    return float(value.removesuffix("px"))


def test_text_size_is_kept_across_a_reload_without_a_layout_shift(
    strict_page, live_server, newspaper, outside_requests
):
    page = strict_page
    page.add_init_script(FIRST_FRAME)
    page.goto(live_server.url + newspaper["articles"][0].url)
    page.wait_for_load_state("networkidle")
    assert px(page.evaluate(BODY_SIZE)) == NORMAL_PX
    bigger = page.get_by_role("button", name="تكبير الخط")
    bigger.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.dataset.textSize") == "3"
    assert page.evaluate("localStorage.getItem('nashra-text-size')") == "3"
    assert px(page.evaluate(BODY_SIZE)) == NORMAL_PX * 1.25
    # Only the body scales: the headline keeps its size.
    title = "getComputedStyle(document.querySelector('.article__title')).fontSize"
    title_size = page.evaluate(title)

    page.reload()
    page.wait_for_load_state("networkidle")
    first = page.evaluate("window.nashraFirstFrame")
    assert first is not None
    assert px(first["size"]) == NORMAL_PX * 1.25
    box = page.evaluate(
        "(() => { const b = document.querySelector('.article__body')"
        ".getBoundingClientRect(); return {top: b.top, width: b.width}; })()"
    )
    assert box == {"top": first["top"], "width": first["width"]}
    assert page.evaluate(CLS) <= MAX_CLS
    assert px(page.evaluate(BODY_SIZE)) == NORMAL_PX * 1.25
    assert page.evaluate(title) == title_size
    assert outside_requests == []


def test_the_buttons_work_by_keyboard_and_stop_at_either_end(
    page, live_server, newspaper
):
    page.goto(live_server.url + newspaper["articles"][0].url)
    page.wait_for_load_state("networkidle")
    smaller = page.get_by_role("button", name="تصغير الخط")
    bigger = page.get_by_role("button", name="تكبير الخط")
    expect(smaller).to_have_attribute("aria-disabled", "false")
    smaller.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.textSize") == "0"
    expect(smaller).to_have_attribute("aria-disabled", "true")
    # At the end, pressing again changes nothing and keeps the focus.
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.textSize") == "0"
    assert page.evaluate("document.activeElement.dataset.textSizeStep") == "-1"
    assert px(page.evaluate(BODY_SIZE)) == NORMAL_PX * 0.9
    # Tab reaches the other button; four presses take it to the largest step.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.textSizeStep") == "1"
    for _ in range(5):
        page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.dataset.textSize") == "4"
    expect(bigger).to_have_attribute("aria-disabled", "true")
    expect(smaller).to_have_attribute("aria-disabled", "false")
    assert px(page.evaluate(BODY_SIZE)) == NORMAL_PX * 1.4


def test_reading_mode_is_text_only_and_keeps_the_size(page, live_server, newspaper):
    article = newspaper["articles"][0]
    page.goto(live_server.url + article.url)
    page.get_by_role("button", name="تكبير الخط").click()
    page.get_by_role("link", name="وضع القراءة").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("?reading=1")
    assert page.locator(".site-header, .site-footer, .share, img").count() == 0
    expect(page.locator("h1")).to_have_text(article.title)
    assert px(page.evaluate(BODY_SIZE)) == NORMAL_PX * 1.15
    page.get_by_role("link", name="العودة إلى المقال كاملًا").click()
    expect(page.locator(".site-header")).to_be_visible()
