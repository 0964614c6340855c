"""The Arabic admin once JavaScript has run: menus, dropdowns, panels (#12).

The test-client walk (nashra/core/tests/test_admin_arabic.py) reads the
HTML the server sends; these strings exist only after Wagtail's scripts
run: the React sidebar, the submit button's dropdown, the comments and
checks side panels, the unsaved-edits and autosave banners. Each screen's
visible text and read attributes go through the same `untranslated` test.
"""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from nashra.core.tests.latin_text import untranslated

PASSWORD = "كلمة-سر-طويلة"

# Every visible text node, and the read attributes of visible elements.
VISIBLE_STRINGS = """() => {
  const seen = [];
  const shown = (el) => el && el.checkVisibility({visibilityProperty: true});
  const skip = "SCRIPT,STYLE,CODE,PRE,KBD,SAMP,TEXTAREA,IFRAME".split(",");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (node.textContent.trim() && shown(parent) && !skip.includes(parent.tagName)
        && !parent.closest("[contenteditable=true]")) {
      seen.push(node.textContent.trim());
    }
  }
  const names = ["title", "aria-label", "placeholder", "alt", "aria-description"];
  for (const el of document.body.querySelectorAll("*")) {
    if (!shown(el)) continue;
    for (const name of names) if (el.getAttribute(name)) seen.push(el.getAttribute(name));
    if (el.matches("input[type=submit], input[type=button]")) seen.push(el.value);
  }
  return seen;
}"""


# The migrated data comes back after each flush: Wagtail's default groups
# and workflow, as the migrations (Wagtail's and Nashra's) name them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def newsroom(newspaper):
    """The newspaper and a chief editor."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser(
        "رئيسة_التحرير", "chief@news.example", PASSWORD, first_name="هدى"
    )
    return newspaper


def words(newsroom):
    """Latin data of the newsroom itself: a section slug in titles, the
    author's slug, host names and the fixture's tags (Kim Jong Un)."""
    from wagtail.models import Site

    from nashra.articles.models import Tag

    return {
        newsroom["world"].slug,
        newsroom["author"].slug,
        *Site.objects.values_list("hostname", flat=True),
        *" ".join(Tag.objects.values_list("name", flat=True)).split(),
    }


def english_on(page, newsroom):
    page.wait_for_load_state("networkidle")
    return untranslated(page.evaluate(VISIBLE_STRINGS), words(newsroom))


def log_in(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "رئيسة_التحرير")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")


def test_login_dashboard_and_sidebar(page, live_server, newsroom):
    """The login page, then the dashboard with its JavaScript sidebar open."""
    page.goto(live_server.url + "/admin/login/")
    found = {"login": english_on(page, newsroom)}
    log_in(page, live_server)
    found["dashboard"] = english_on(page, newsroom)
    page.goto(live_server.url + "/admin/pages/")
    found["explorer"] = english_on(page, newsroom)
    assert {screen: strings for screen, strings in found.items() if strings} == {}


def test_article_editor_dropdown_panels_and_banners(page, live_server, newsroom):
    """Submit dropdown, comments and checks panels, the autosave banner."""
    article = newsroom["articles"][0]
    log_in(page, live_server)
    # Wagtail snapshots the form 2 s after the editor loads and compares
    # edits with that snapshot; an edit made sooner (a quiet machine gets
    # there in under 2 s) is part of the snapshot and never autosaved.
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', (event) => {"
        " if (event.target.id === 'page-edit-form') window.nashraWatchingEdits = true;"
        " });"
    )
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    found = {"editor": english_on(page, newsroom)}
    # The footer's dropdown holds «تقديم إلى مراجعة المحرر» and the rest.
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    expect(page.locator("footer button[name=action-submit]")).to_be_visible()
    found["submit dropdown"] = english_on(page, newsroom)
    page.keyboard.press("Escape")
    for panel in ("comments", "checks", "status"):
        toggle = page.locator(f"[data-side-panel-toggle={panel}]")
        if toggle.count():
            toggle.first.click()
            found[f"{panel} panel"] = english_on(page, newsroom)
    # Autosave fails (the network drops its POST): the editor is told it paused.
    page.route(
        f"**/admin/pages/{article.pk}/edit/",
        lambda route: (
            route.abort() if route.request.method == "POST" else route.fallback()
        ),
    )
    page.wait_for_function("window.nashraWatchingEdits === true")
    banner = page.locator(".footer__save-warning")
    # The snapshot is taken as the watch event goes out: on a loaded machine
    # the first edit can still land in it and never count as a change, so
    # a different edit is made until the banner shows (it failed once in CI
    # with both passes running).
    for attempt in range(4):
        page.locator("#id_title").fill(f"عنوان معدّل {attempt}")
        page.locator("#id_title").press("Tab")
        try:
            banner.wait_for(state="visible", timeout=15_000)
            break
        except PlaywrightTimeout:
            continue
    banner.wait_for(state="visible")
    assert "الحفظ التلقائي" in banner.inner_text()
    found["autosave paused"] = english_on(page, newsroom)
    assert {screen: strings for screen, strings in found.items() if strings} == {}


def test_new_section_form(page, live_server, newsroom):
    log_in(page, live_server)
    page.goto(
        f"{live_server.url}/admin/pages/add/sections/sectionpage/{newsroom['home'].pk}/"
    )
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    assert english_on(page, newsroom) == []
