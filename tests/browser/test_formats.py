"""Story formats in the browser (#20): the video facade asks nothing of
YouTube until the reader presses play; the gallery's viewer opens, steps in
the reading direction by the arrow keys, closes on Escape and gives focus
back; neither moves the page as it loads."""

from urllib.parse import urlsplit

import pytest

from nashra.articles.factories import create_article
from nashra.articles.models import GalleryPhoto, StoryFormat
from nashra.images.factories import create_image, jpeg_bytes

PLAYER_HOST = "www.youtube-nocookie.com"
MAX_CLS = 0.02
CLS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) total += entry.value;
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1200);
})"""
COLLECT = (
    "window.nashraViolations = [];"
    "document.addEventListener('securitypolicyviolation', (e) =>"
    " window.nashraViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def video_story(newspaper):
    return create_article(
        newspaper["world"], "مباراة الليلة بالفيديو", slug="video-story",
        format=StoryFormat.VIDEO, video_url="https://youtu.be/dQw4w9WgXcQ",
        featured_image=newspaper["image"],
    )  # fmt: skip


@pytest.fixture
def gallery_story(newspaper):
    photos = [
        create_image(f"صورة {n}", data=jpeg_bytes(480, 320, (30 * n, 90, 120)),
                     caption=f"تعليق {n}", credit=f"مصور {n}")
        for n in range(1, 4)
    ]  # fmt: skip
    article = create_article(
        newspaper["culture"], "معرض صور الافتتاح", slug="gallery-story",
        format=StoryFormat.GALLERY, featured_image=photos[0],
    )  # fmt: skip
    article.gallery_photos = [GalleryPhoto(image=photo) for photo in photos]
    article.save_revision().publish()
    return article


def test_video_facade_loads_the_player_only_on_a_click(
    strict_page, live_server, video_story
):
    page = strict_page
    asked = []

    def player(route):
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>player</p>")

    # The third party is never really reached: its player is a local stub.
    page.route(f"https://{PLAYER_HOST}/**", player)
    elsewhere = []
    page.on("request", lambda request: elsewhere.append(request.url)
            if urlsplit(request.url).hostname not in {"127.0.0.1", "localhost"}
            else None)  # fmt: skip
    page.add_init_script(COLLECT)
    page.goto(live_server.url + video_story.url, wait_until="networkidle")
    assert elsewhere == [], elsewhere
    assert page.locator("iframe").count() == 0
    box = page.locator("[data-player]").bounding_box()
    assert abs(box["width"] / box["height"] - 16 / 9) < 0.02
    assert page.evaluate(CLS) <= MAX_CLS
    page.get_by_role("button", name="شغّل الفيديو (من يوتيوب)").click()
    frame = page.locator(f'iframe[src^="https://{PLAYER_HOST}/embed/dQw4w9WgXcQ"]')
    frame.wait_for()
    page.wait_for_load_state("networkidle")
    assert asked and all(urlsplit(url).hostname == PLAYER_HOST for url in asked)
    assert {urlsplit(url).hostname for url in elsewhere} == {PLAYER_HOST}
    after = page.locator("[data-player]").bounding_box()
    assert after["height"] == pytest.approx(box["height"], abs=1)
    assert page.evaluate("window.nashraViolations") == []


def test_gallery_viewer_by_keyboard(
    strict_page, live_server, gallery_story, outside_requests
):
    page = strict_page
    page.goto(live_server.url + gallery_story.url, wait_until="networkidle")
    assert page.evaluate(CLS) <= MAX_CLS
    digits = page.locator("[data-gallery]").get_attribute("data-digits")
    items = page.locator("[data-gallery-item]")
    assert items.count() == 3
    items.first.focus()
    page.keyboard.press("Enter")
    viewer = page.locator("dialog[data-gallery-viewer]")
    counter = page.locator("[data-gallery-counter]")
    assert viewer.evaluate("dialog => dialog.open")
    assert counter.text_content() == f"{digits[1]} من {digits[3]}"
    assert "تعليق 1" in page.locator("[data-gallery-caption]").text_content()
    # Arabic reads right to left: the next photo is to the left.
    page.keyboard.press("ArrowLeft")
    assert counter.text_content() == f"{digits[2]} من {digits[3]}"
    assert "مصور 2" in page.locator("[data-gallery-caption]").text_content()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert counter.text_content() == f"{digits[3]} من {digits[3]}"
    # Tab stays among the viewer's controls.
    for _ in range(5):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    assert not viewer.evaluate("dialog => dialog.open")
    assert page.evaluate(
        "() => document.activeElement === document.querySelector('[data-gallery-item]')"
    )
    assert outside_requests == []


def test_gallery_swipe_moves_in_the_reading_direction(
    strict_page, live_server, gallery_story
):
    page = strict_page
    page.goto(live_server.url + gallery_story.url)
    page.locator("[data-gallery-item]").first.click()
    stage = page.locator("[data-gallery-stage]").bounding_box()
    y = stage["y"] + stage["height"] / 2
    start, end = stage["x"] + stage["width"] * 0.3, stage["x"] + stage["width"] * 0.7
    # A finger pulled towards the right brings the next photo in an RTL page.
    page.mouse.move(start, y)
    page.mouse.down()
    page.mouse.move(end, y, steps=5)
    page.mouse.up()
    digits = page.locator("[data-gallery]").get_attribute("data-digits")
    assert page.locator("[data-gallery-counter]").text_content().startswith(digits[2])


def test_gallery_arrows_follow_a_left_to_right_page(
    strict_page, live_server, gallery_story
):
    """The same template on an LTR page: there the next photo is on the right."""
    page = strict_page
    page.goto(live_server.url + gallery_story.url)
    page.evaluate("() => { document.documentElement.dir = 'ltr'; }")
    page.locator("[data-gallery-item]").first.click()
    digits = page.locator("[data-gallery]").get_attribute("data-digits")
    counter = page.locator("[data-gallery-counter]")
    page.keyboard.press("ArrowRight")
    assert counter.text_content().startswith(digits[2])
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert counter.text_content().startswith(digits[3])
