"""Browser notifications: no prompt on arrival, one click asks (#19).

Under the site's Content-Security-Policy, as readers get it: the opt-in
script is a static file and the service worker registers at the root.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Counts permission requests before handing them to the browser.
COUNT = (
    "window.nashraAsked = 0;"
    "const ask = Notification.requestPermission.bind(Notification);"
    "Notification.requestPermission = () => { window.nashraAsked += 1; return ask(); };"
)


def test_the_page_asks_only_on_click_and_registers_the_worker_at_the_root(
    strict_page, live_server, newspaper
):
    page = strict_page
    page.context.grant_permissions(["notifications"], origin=live_server.url)
    page.add_init_script(COUNT)
    page.goto(live_server.url + reverse("newsletters:page"))
    button = page.locator("#push-optin button")
    expect(button).to_be_enabled()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.nashraAsked") == 0, "no prompt on arrival"
    button.click()
    # Headless Chromium has no push service behind it: subscribing fails and
    # the form says so, after the worker has registered.
    expect(page.locator(".push-optin__status")).not_to_have_text("")
    assert page.evaluate("window.nashraAsked") == 1
    scope = page.evaluate(
        "navigator.serviceWorker.getRegistration('/').then((r) => r && r.scope)"
    )
    assert scope == live_server.url + "/"
