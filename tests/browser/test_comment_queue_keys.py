"""The comment queue by keyboard: j/k to move, a to approve, s for spam (#14)."""

import pytest

PASSWORD = "كلمة-سر-طويلة"


@pytest.fixture
def queue(newspaper):
    from django.contrib.auth import get_user_model

    from nashra.comments.models import Comment, Status

    get_user_model().objects.create_superuser("مشرفة", "mod@news.example", PASSWORD)
    article = newspaper["articles"][0]
    return [
        Comment.objects.create(article=article, name="قارئ", email="r@example.org",
                               body=f"تعليق رقم {n}", status=Status.PENDING)
        for n in range(3)
    ]  # fmt: skip


def test_keys_approve_and_mark_spam_without_the_mouse(page, live_server, queue):
    from nashra.comments.models import Comment, Status

    page.goto(live_server.url + "/admin/login/?next=/admin/comments/")
    page.fill("input[name=username]", "مشرفة")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url("**/admin/comments/")
    newest, middle, oldest = sorted(queue, key=lambda c: c.pk, reverse=True)
    # The newest comes first and has the focus; j moves down to the next one.
    page.keyboard.press("j")
    page.keyboard.press("a")
    # Approved, it leaves the pending queue; the first row has the focus again.
    page.wait_for_selector(f'tr[data-comment-row="{middle.pk}"]', state="detached")
    page.wait_for_selector(f'tr[data-comment-row="{newest.pk}"].is-current')
    page.keyboard.press("s")
    page.wait_for_selector(f'tr[data-comment-row="{newest.pk}"]', state="detached")
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {newest.pk: Status.SPAM, middle.pk: Status.APPROVED,
                        oldest.pk: Status.PENDING}  # fmt: skip
