"""Two-factor sign-in for the chief editor, end to end in the browser (#14).

The chief editor signs in with a password, lands on the Arabic enrolment
screen (nothing else opens), types the key into "an app" (computed here),
keeps the recovery codes, and the next sign-in asks for a code.
"""

import time
from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def app_code(key_text, steps_ahead=0):
    """What an authenticator app shows for the key the screen prints."""
    from django_otp.oath import TOTP

    totp = TOTP(b32decode(key_text.replace(" ", "")), 30, 0, 6, 0)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def sign_in(tab, live_server):
    tab.goto(live_server.url + "/admin/login/")
    tab.fill("input[name=username]", "nadia")
    tab.fill("input[name=password]", "pw")
    tab.locator("form.login-form button[type=submit]").click()


def test_enrol_then_sign_in_with_a_code(browser, live_server, settings):
    from nashra.newsroom.tests.base import staff

    settings.NASHRA_2FA_REQUIRED = "chief-editor"
    staff("nadia", "chief-editor")
    context = browser.new_context(bypass_csp=True, locale="ar")
    tab = context.new_page()
    outside = []  # the QR code is drawn here: no request leaves the machine
    tab.on(
        "request",
        lambda r: (
            None
            if urlsplit(r.url).hostname in {"127.0.0.1", "localhost"}
            else outside.append(r.url)
        ),
    )
    sign_in(tab, live_server)
    tab.wait_for_url("**/admin/two-factor/setup/**")
    expect(tab.locator("h1")).to_contain_text("الدخول بخطوتين")
    expect(tab.locator(".nashra-2fa-qr svg")).to_be_visible()
    tab.goto(live_server.url + "/admin/users/")
    tab.wait_for_url("**/admin/two-factor/setup/**")

    # One copy of the page: the icon sprite it loads is not sent to the step.
    key = tab.locator(".nashra-2fa-key code").inner_text()
    tab.fill("input[name=code]", app_code(key))
    tab.locator("main form button[type=submit]").last.click()
    expect(tab.locator(".nashra-2fa-codes li")).to_have_count(10)
    # Back where the chief editor was going before enrolment.
    tab.locator("a.button", has_text="متابعة").click()
    tab.wait_for_url(live_server.url + "/admin/users/")
    assert not outside, outside
    context.close()

    context = browser.new_context(bypass_csp=True, locale="ar")
    tab = context.new_page()
    sign_in(tab, live_server)
    tab.wait_for_url("**/admin/two-factor/verify/**")
    tab.fill("input[name=code]", app_code(key, 1))
    tab.locator("form.login-form button[type=submit]").click()
    tab.wait_for_url(live_server.url + "/admin/")
    context.close()
