"""An editor's theme colours reach the page readers see, in both schemes (#12).

The admin checked the colour's contrast and saved it, but site.css redefined
the same custom properties after the inline style, so the header stayed red
whatever the editor chose. These tests change the colours as an editor does,
through the theme options form, and read what Chromium computes.
"""

import pytest
from django.contrib.auth.models import User

from nashra.theme.contrast import contrast_ratio, parse_hex_colour

GREEN = "#0b5d1e"
PURPLE = "#6a1b9a"


def rgb(hex_colour):
    return "rgb({}, {}, {})".format(*parse_hex_colour(hex_colour))


def as_hex(computed):
    """'rgb(11, 93, 30)' as '#0b5d1e'."""
    channels = computed[computed.index("(") + 1 : computed.index(")")].split(",")
    return "#" + "".join(f"{int(float(c)):02x}" for c in channels[:3])


@pytest.fixture
def editor_page(browser, live_server, newspaper):
    """A logged-in editor's tab (its cookies keep it out of the page cache)."""
    User.objects.create_superuser("chief", "chief@example.com", "pass-1234")
    context = browser.new_context(
        bypass_csp=True, locale="ar", viewport={"width": 1280, "height": 900}
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/admin/login/")
    tab.fill("#id_username", "chief")
    tab.fill("#id_password", "pass-1234")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/admin/")
    yield tab
    context.close()


def save_colours(tab, live_server, site, primary, accent):
    tab.goto(f"{live_server.url}/admin/settings/theme/themeoptions/{site.pk}/")
    tab.fill("#id_primary_colour", primary)
    tab.fill("#id_accent_colour", accent)
    with tab.expect_navigation():
        tab.locator("footer button[type=submit].button-longrunning").first.click()
    assert tab.locator(".error-message").count() == 0


def header_colours(page):
    return page.evaluate(
        """() => {
          const style = (s) => getComputedStyle(document.querySelector(s));
          return {border: style('.site-header').borderBlockEndColor,
                  name: style('.site-name').color,
                  background: style('body').backgroundColor};
        }"""
    )


def link_colour(page):
    return page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--colour-link')"
    ).strip()


def test_editor_colours_reach_the_header_past_the_page_cache(
    page, editor_page, live_server, newspaper
):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    page.emulate_media(color_scheme="light")
    page.goto(live_server.url + "/")  # a reader fills the page cache first
    assert header_colours(page)["border"] == rgb("#9b1c1c")

    save_colours(editor_page, live_server, site, GREEN, PURPLE)
    page.goto(live_server.url + "/")
    colours = header_colours(page)
    assert colours["border"] == rgb(GREEN)
    assert colours["name"] == rgb(GREEN)
    assert link_colour(page) == PURPLE
    article = newspaper["articles"][0]
    page.goto(live_server.url + article.url)
    section = page.evaluate(
        "getComputedStyle(document.querySelector('.article__section')).backgroundColor"
    )
    assert section == rgb(GREEN)


@pytest.mark.parametrize("how", ["system", "toggle"])
def test_dark_scheme_keeps_working_with_custom_colours(
    page, editor_page, live_server, newspaper, how
):
    """The options must not undo the dark scheme, and their colours get a shade
    that reads on the dark background instead of dark green on near-black."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    save_colours(editor_page, live_server, site, GREEN, PURPLE)
    page.emulate_media(color_scheme="dark" if how == "system" else "light")
    page.goto(live_server.url + "/")
    if how == "toggle":
        page.locator("[data-scheme-toggle]").click()
        assert page.evaluate("document.documentElement.dataset.scheme") == "dark"
    colours = header_colours(page)
    assert colours["background"] != "rgb(255, 255, 255)"
    assert colours["border"] == rgb(GREEN)  # the brand bar keeps its colour
    name = as_hex(colours["name"])
    assert name != "#ff9d9d"  # not the default red's dark shade
    assert contrast_ratio(name, as_hex(colours["background"])) >= 4.5
    # Still green: more green than red or blue in it.
    red, green, blue = parse_hex_colour(name)
    assert green > red and green > blue
    link = link_colour(page)
    assert link != PURPLE
    assert contrast_ratio(link, as_hex(colours["background"])) >= 4.5
