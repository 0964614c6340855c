"""The newsletter e-mail in Chromium at a phone's width: RTL, right-aligned,
nothing wider than the screen (#19).

Mail clients ignore stylesheets and many ignore <html dir>, so the edition
carries dir="rtl" and text-align on every cell; a long Arabic title and an
unbroken string must wrap, not push the message sideways.
"""

from nashra.newsletters.models import Edition, EditionStory, Kind, NewsletterList
from nashra.newsletters.render import LEAVE, render_edition

CHECK = """() => {
  const root = document.documentElement;
  const cells = [...document.querySelectorAll("td.story, td.note")];
  return {
    dir: root.dir,
    bodyDirection: getComputedStyle(document.body).direction,
    cellDirections: [...new Set(cells.map((c) => getComputedStyle(c).direction))],
    cellAligns: [...new Set(cells.map((c) => getComputedStyle(c).textAlign))],
    stories: document.querySelectorAll("td.story").length,
    overflow: root.scrollWidth - root.clientWidth,
    leaveRight: document.querySelector("a.leave").getBoundingClientRect().right,
    width: root.clientWidth,
  };
}"""


def test_the_edition_is_rtl_and_fits_a_375_px_screen(browser, newspaper):
    newsletter = NewsletterList.objects.create(name="نشرة الصباح", kind=Kind.DIGEST)
    edition = Edition.objects.create(
        newsletter=newsletter,
        subject="نشرة الصباح: " + "أهم الأخبار " * 8,
        note="ملاحظة المحرر " * 20 + "كلمةطويلةجداًبلامسافات" * 6,
    )
    for order, article in enumerate(newspaper["articles"][:3]):
        EditionStory.objects.create(edition=edition, article=article, sort_order=order)
    html, _text = render_edition(edition)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.set_content(html.replace(LEAVE, "https://example.invalid/leave"))
        found = page.evaluate(CHECK)
    finally:
        context.close()
    assert found["dir"] == "rtl"
    assert found["bodyDirection"] == "rtl"
    assert found["cellDirections"] == ["rtl"]
    assert found["cellAligns"] == ["right"]
    assert found["stories"] == 3
    assert found["overflow"] <= 0, f"{found['overflow']} px wider than the phone"
    # The unsubscribe link sits on the reading side, within the screen.
    assert 0 < found["leaveRight"] <= found["width"]
