"""Reader and moderator journeys for comments on Chromium (#3)."""

from urllib.parse import urlsplit

from django.test import Client

from nashra.comments import counts
from nashra.comments.models import Comment, Status
from nashra.comments.tests.helpers import set_options

PENDING = "تعليقك بانتظار المراجعة"


def _setup(newspaper):
    set_options(min_fill_seconds=0, flood_seconds=0)
    return newspaper["articles"][0]


def _write(page, body, *, name="ليلى حسن", email="layla@example.com"):
    form = page.locator("[data-comment-form]")
    form.locator("#id_name").fill(name)
    form.locator("#id_email").fill(email)
    form.locator("#id_body").fill(body)
    form.locator("button[type=submit]").click()
    # Sent in place: the answer is shown on the article, which stays (#12).
    page.locator("[data-comment-form] .comment-form__message").wait_for()


def _approve_all_pending(page, live_server):
    from django.contrib.auth.models import User

    if not User.objects.filter(username="chief").exists():
        User.objects.create_superuser("chief", "chief@example.com", "pass-1234")
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "chief")
        page.fill("#id_password", "pass-1234")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/comments/?status=pending")
    for box in page.locator("input[name=ids]").all():
        box.check()
    page.select_option("#action", "approve")
    page.click("button[name=apply]")
    page.wait_for_load_state()


def test_post_see_pending_approve_and_see_published(
    page, live_server, newspaper, outside_requests
):
    article = _setup(newspaper)
    page.goto(live_server.url + article.url)
    _write(page, "تحليل دقيق، شكراً للمراسلة.")
    page.locator(".comment--pending").wait_for()
    assert PENDING in page.locator("[data-comments-mine]").inner_text()
    assert Comment.objects.get().status == Status.PENDING
    _approve_all_pending(page, live_server)
    assert Comment.objects.get().status == Status.APPROVED
    page.context.clear_cookies()
    page.goto(live_server.url + article.url)
    published = page.locator(".comment-list .comment__text")
    assert "تحليل دقيق" in published.first.inner_text()
    assert PENDING not in page.content()
    assert "layla@example.com" not in page.content()
    assert outside_requests == []


def test_reply_to_a_published_comment(page, live_server, newspaper, outside_requests):
    article = _setup(newspaper)
    top = Comment.objects.create(
        article=article, name="عمر", email="omar@example.com",
        body="سؤال عن الأرقام الواردة", status=Status.APPROVED,
    )  # fmt: skip
    # As every approval path does: the page reads the thread's count before
    # it fetches comments (#8).
    counts.refresh(article.pk)
    page.goto(live_server.url + article.url)
    page.click(f'[data-reply-to="{top.pk}"]')
    assert page.locator("[data-reply-note]").is_visible()
    _write(page, "الأرقام من التقرير السنوي.")
    page.locator(".comment--pending").wait_for()
    reply = Comment.objects.get(parent=top)
    assert (reply.depth, reply.root_id) == (2, top.pk)
    _approve_all_pending(page, live_server)
    page.goto(live_server.url + article.url)
    nested = page.locator(f"#comment-{top.pk} .comment-list--replies .comment__text")
    assert "التقرير السنوي" in nested.inner_text()
    assert outside_requests == []


def test_posting_shows_the_result_on_the_cached_article_without_leaving_it(
    page, live_server, newspaper, outside_requests
):
    """The article is served from the page cache; the comment still goes
    through (token fetched, post answered in JSON) and no navigation happens."""
    article = _setup(newspaper)
    url = live_server.url + article.url
    # Stored by a first reader, so the browser gets the shared copy.
    reader = Client(HTTP_HOST=urlsplit(live_server.url).netloc)
    assert reader.get(article.url)["X-Cache"] == "MISS"
    assert page.goto(url).headers.get("x-cache") == "HIT"
    page.evaluate("window.nashraStayed = true")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))

    form = page.locator("[data-comment-form]")
    form.locator("#id_email").fill("layla@example.com")
    form.locator("#id_body").fill("نص لا يضيع")
    form.locator("button[type=submit]").click()
    error = form.locator("#error_name")
    error.wait_for()
    assert "يرجى كتابة اسمك" in error.inner_text()
    assert form.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert form.locator("#id_body").input_value() == "نص لا يضيع"
    assert not Comment.objects.exists()

    form.locator("#id_name").fill("ليلى حسن")
    form.locator("button[type=submit]").click()
    pending = page.locator("[data-comments-mine] .comment--pending")
    pending.wait_for()
    assert PENDING in pending.inner_text()
    assert "نص لا يضيع" in pending.inner_text()
    assert form.locator("#error_name").count() == 0
    assert PENDING in form.locator(".comment-form__message").inner_text()
    assert form.locator("#id_body").input_value() == ""
    assert Comment.objects.get().status == Status.PENDING

    # A second comment needs a second token: the first one was spent.
    form.locator("#id_body").fill("تعليق ثان منشور")
    Comment.objects.update(status=Status.APPROVED)  # a known reader now
    form.locator("button[type=submit]").click()
    published = page.locator(".comment-list .comment__text", has_text="تعليق ثان")
    published.wait_for()
    assert Comment.objects.filter(status=Status.APPROVED).count() == 2

    assert page.evaluate("window.nashraStayed") is True
    assert navigations == []
    assert page.url == url
    assert outside_requests == []
