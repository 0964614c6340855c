"""An open live page follows its coverage without a reload (#15): a new entry
appears, an edit changes it in place, a deletion removes it."""

import time

from nashra.live import writing
from nashra.live.factories import create_live_page, post_text

ENTRY = "#entry-{pk} .live-entry__body"


def test_an_entry_appears_changes_and_disappears_on_an_open_page(
    page, live_server, newspaper, outside_requests
):
    live = create_live_page(newspaper["world"], "مباشر: العاصفة", slug="عاصفة-مباشر")
    post_text(live, "بداية التغطية")
    page.goto(live_server.url + live.url)
    page.wait_for_selector(".live-entry")

    started = time.monotonic()
    entry = post_text(live, "الرياح تشتد على الساحل")
    selector = ENTRY.format(pk=entry.pk)
    page.wait_for_selector(f"{selector} >> text=الرياح تشتد على الساحل", timeout=5000)
    appeared = time.monotonic() - started
    # Newest first: the new entry is on top, without a reload.
    assert (
        page.evaluate("document.querySelector('.live-entry').id") == f"entry-{entry.pk}"
    )

    writing.change(entry, blocks=writing.text_blocks("الرياح تهدأ قليلًا"))
    page.wait_for_selector(f"{selector} >> text=الرياح تهدأ قليلًا", timeout=5000)
    assert page.locator(".live-entry").count() == 2

    writing.delete(entry)
    page.wait_for_selector(f"#entry-{entry.pk}", state="detached", timeout=5000)
    assert page.locator(".live-entry").count() == 1
    assert "بداية التغطية" in page.inner_text(".live-stream")
    assert appeared < 2.5
    assert outside_requests == []


def test_new_entries_wait_behind_a_notice_when_the_reader_scrolled_away(
    page, live_server, newspaper
):
    live = create_live_page(newspaper["world"], "مباشر: المباراة", slug="مباراة-مباشر")
    for n in range(30):
        post_text(live, f"تحديث رقم {n} " + "نص طويل " * 30)
    page.goto(live_server.url + live.url)
    page.mouse.wheel(0, 4000)
    page.wait_for_function("window.scrollY > 1500")
    before = page.evaluate("window.scrollY")
    entry = post_text(live, "هدف!")
    notice = page.locator("[data-live-notice]")
    notice.wait_for(state="visible", timeout=5000)
    # The page did not move under the reader, and the entry is held back.
    assert page.evaluate("window.scrollY") == before
    assert page.locator(f"#entry-{entry.pk}").count() == 0
    notice.click()
    page.wait_for_selector(f"#entry-{entry.pk}")
