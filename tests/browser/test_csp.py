"""No Content-Security-Policy violation on reader pages or in the editor (#17).

Chromium reports every blocked script, style, image or frame as a
`securitypolicyviolation` event; a listener installed before any page
script collects them, and the console is read as well.
"""

import pytest

from nashra.articles.factories import create_article, paragraph

PASSWORD = "كلمة-سر-طويلة"
COLLECT = (
    "window.nashraViolations = [];"
    "document.addEventListener('securitypolicyviolation', (e) =>"
    " window.nashraViolations.push(e.violatedDirective + ' ' + e.blockedURI"
    " + ' ' + (e.sample || '')));"
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def watched(strict_page):
    page = strict_page
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(COLLECT)
    return page, console


def violations(page, console):
    """This page's violations (the console list is emptied for the next)."""
    page.wait_for_load_state("networkidle")
    found = [*page.evaluate("window.nashraViolations"), *console]
    console.clear()
    return found


def test_reader_pages_have_no_violations(watched, live_server, newspaper):
    page, console = watched
    article = create_article(
        newspaper["world"],
        "خبر مع وسائط مضمنة",
        slug="خبر-مع-وسائط",
        body=[
            paragraph("فقرة قبل الوسائط"),
            {"type": "embed", "value": {"url": "https://www.youtube.com/watch?v=x",
                                        "caption": "مقطع مصور"}},
            {"type": "html", "value": "<p><strong>جدول</strong> من المحرر</p>"},
        ],
    )  # fmt: skip
    found = {}
    for name, url in [("home", "/"), ("article", article.url),
                      ("search", "/search/?q=خبر")]:  # fmt: skip
        response = page.goto(live_server.url + url)
        assert "script-src" in response.headers["content-security-policy"]
        found[name] = violations(page, console)
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert {name: seen for name, seen in found.items() if seen} == {}


def test_the_editor_has_no_violations(watched, live_server, newspaper):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("محررة", "e@news.example", PASSWORD)
    page, console = watched
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "محررة")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    found = {"dashboard": violations(page, console)}
    article = newspaper["articles"][0]
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    found["editor"] = violations(page, console)
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/preview/")
    found["preview"] = violations(page, console)
    # A reader page seen by staff carries Wagtail's user bar.
    page.goto(live_server.url + article.url)
    found["article with the user bar"] = violations(page, console)
    assert {name: seen for name, seen in found.items() if seen} == {}
