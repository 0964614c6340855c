"""Review before publishing, end to end in the browser (#14).

A contributor submits a draft to «مراجعة المحرر»; the background worker
(running in this process, on the database queue) e-mails the section's
editor through a real SMTP server on loopback; the editor follows the
link, approves, and the article is live on the public site.
"""

import re

import pytest
from playwright.sync_api import expect

from nashra.queue.tests.smtp import LoopbackSMTP, smtp_settings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "ملعب جديد في المدينة"


@pytest.fixture
def smtp():
    with LoopbackSMTP() as server:
        yield server


@pytest.fixture
def queue(settings, smtp, live_server):
    """Jobs in the database, mail to the loopback server, a worker thread."""
    from nashra.queue.worker import WorkerThread

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for name, value in smtp_settings(smtp.port).items():
        setattr(settings, name, value)
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    worker = WorkerThread(interval=0.2)
    worker.start()
    yield worker
    worker.stop()
    worker.join(10)


@pytest.fixture
def desk(newspaper):
    from nashra.articles.factories import create_article
    from nashra.newsroom.tests.base import staff

    writer = staff("samir", "contributor")
    editor = staff("layla", "editor")
    draft = create_article(
        newspaper["world"], TITLE, slug="new-stadium", publish=False, owner=writer
    )
    return {"writer": writer, "editor": editor, "draft": draft}


def log_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pw")
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")


SUBMIT = "footer button[name=action-submit]"
APPROVE = (
    "footer button[data-workflow-action-name=approve]"
    ":not([data-workflow-action-modal-url])"
)


def footer_action(page, selector, label):
    """Click an action of the editor's footer, opening its dropdown if needed."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    expect(button).to_be_visible()
    expect(button).to_contain_text(label)
    button.click()


def test_submit_email_approve_and_live(browser, live_server, desk, queue, smtp):
    draft = desk["draft"]
    writer = browser.new_context(bypass_csp=True, locale="ar")
    tab = writer.new_page()
    log_in(tab, live_server, "samir")
    tab.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    with tab.expect_navigation():
        footer_action(tab, SUBMIT, "تقديم إلى مراجعة المحرر")
    writer.close()

    (message,) = [
        m for m in smtp.inbox.wait_for(1, timeout=30)
        if m.envelope_to == ["layla@example.org"]
    ]  # fmt: skip
    assert TITLE in message["Subject"]
    link = re.search(r"http://\S+/admin/pages/\d+/edit/", message.get_content())
    assert link, message.get_content()

    editor = browser.new_context(bypass_csp=True, locale="ar")
    tab = editor.new_page()
    log_in(tab, live_server, "layla")
    tab.goto(link.group(0))
    with tab.expect_navigation():
        footer_action(tab, APPROVE, "الموافقة والنشر")
    editor.close()

    draft.refresh_from_db()
    assert draft.live, "approved, so published"
    reader = browser.new_context(bypass_csp=True, locale="ar")
    tab = reader.new_page()
    response = tab.goto(live_server.url + draft.url)
    assert response.status == 200
    expect(tab.locator("h1")).to_contain_text(TITLE)
    reader.close()
