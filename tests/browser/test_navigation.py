"""The mega menu in Chromium (#20): by keyboard, on touch, and without
JavaScript every section and sub-section is still a link."""

from urllib.parse import unquote

import pytest

from nashra.articles.factories import create_article
from nashra.sections.factories import create_section


@pytest.fixture
def sections(newspaper):
    world = newspaper["world"]
    africa = create_section(world, "أفريقيا", "africa")
    asia = create_section(world, "آسيا", "asia")
    create_article(africa, "خبر من أفريقيا", slug="africa-story")
    return {"world": world, "africa": africa, "asia": asia, **newspaper}


def trigger(tab, section):
    return tab.locator(f'[data-menu-trigger][href="{section.url}"]')


def panel(tab, section):
    return tab.locator(f"#menu-panel-{section.pk}")


def open_home(tab, url):
    """The home page, once its menu script (fetched after load) is on."""
    tab.goto(url)
    tab.wait_for_selector("html[data-menu-ready]", state="attached")


def test_keyboard_opens_the_panel_and_escape_gives_the_focus_back(
    page, live_server, sections, outside_requests
):
    world = sections["world"]
    open_home(page, live_server.url + "/")
    link = trigger(page, world)
    assert not panel(page, world).is_visible()
    link.focus()
    page.keyboard.press("Enter")
    assert panel(page, world).is_visible()
    assert link.get_attribute("aria-expanded") == "true"
    # The latest stories arrive from /_menu/<id>/, sub-sections' included.
    stories = panel(page, world).locator(".mega-story")
    stories.first.wait_for()
    assert stories.count() == 4
    assert "خبر من أفريقيا" in panel(page, world).inner_text()
    assert unquote(page.url) == live_server.url + "/"  # Enter opened, not followed
    # Tab walks into the panel: its sub-sections, then its stories.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.mega-panel')?.id")
    assert focused == f"menu-panel-{world.pk}"
    page.keyboard.press("Escape")
    assert not panel(page, world).is_visible()
    assert link.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('href')") == world.url
    # ArrowDown opens and puts the focus on the panel's first link.
    page.keyboard.press("ArrowDown")
    assert panel(page, world).is_visible()
    active = page.evaluate("document.activeElement.getAttribute('href')")
    assert active == sections["africa"].url
    page.keyboard.press("Escape")
    assert outside_requests == []


def test_without_javascript_every_section_is_a_link(browser, live_server, sections):
    context = browser.new_context(
        bypass_csp=True,
        java_script_enabled=False,
        viewport={"width": 1280, "height": 900},
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    hrefs = tab.eval_on_selector_all(
        ".site-nav a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    for name in ("world", "culture", "africa", "asia"):
        assert sections[name].url in hrefs, name
    # The panel still opens on hover (CSS), showing its sub-sections.
    trigger(tab, sections["world"]).hover()
    assert panel(tab, sections["world"]).is_visible()
    assert tab.locator(f'.mega-panel a[href="{sections["asia"].url}"]').is_visible()
    context.close()


def test_touch_first_tap_opens_the_second_follows(browser, live_server, sections):
    context = browser.new_context(
        bypass_csp=True, has_touch=True, viewport={"width": 1024, "height": 800}
    )
    tab = context.new_page()
    world = sections["world"]
    open_home(tab, live_server.url + "/")
    trigger(tab, world).tap()
    assert panel(tab, world).is_visible()
    assert unquote(tab.url) == live_server.url + "/"
    with tab.expect_navigation():
        trigger(tab, world).tap()
    assert unquote(tab.url) == live_server.url + world.url
    context.close()
