"""The dashboard's desk panels (#14)."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone
from lxml import html
from wagtail.models import Workflow

from nashra.articles.factories import create_article
from nashra.comments.models import Comment, Status
from nashra.core.tests.factories import ensure_home
from nashra.newsroom.tests.base import staff
from nashra.sections.factories import create_section


def listed(response, name):
    tree = html.fromstring(response.content.decode())
    return [a.text_content() for a in tree.xpath(f'//div[@data-desk-list="{name}"]//a')]


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home()
        cls.world = create_section(cls.home, "أخبار العالم", "world")
        cls.sport = create_section(cls.home, "الرياضة", "sport")
        cls.editor = staff("ziad", "editor")
        cls.writer = staff("huda", "author")
        create_article(
            cls.world, "مسودتي", slug="mine", publish=False, owner=cls.writer
        )
        create_article(cls.world, "مسودة غيري", slug="theirs", publish=False,
                       owner=cls.editor)  # fmt: skip
        review = create_article(cls.sport, "للمراجعة", slug="rev", publish=False,
                                owner=cls.writer)  # fmt: skip
        Workflow.objects.filter(active=True).first().start(review, cls.writer)
        later = create_article(cls.sport, "بعد ساعة", slug="soon", publish=False)
        # Scheduled for later today, whatever the time now (the test's clock).
        now = timezone.localtime()
        end_of_day = now.replace(hour=23, minute=59, second=0, microsecond=0)
        later.go_live_at = min(now + timedelta(minutes=30), end_of_day)
        if later.go_live_at <= now:
            later.go_live_at = now + timedelta(seconds=30)
        later.save_revision().publish()
        live = create_article(cls.world, "منشور", slug="live")
        Comment.objects.create(article=live, name="قارئ", email="r@example.org",
                               body="تعليق ينتظر", status=Status.PENDING)  # fmt: skip

    def test_my_drafts_are_mine_only(self):
        self.client.force_login(self.writer)
        response = self.client.get("/admin/")
        self.assertEqual(listed(response, "drafts"), ["مسودتي"])

    def test_the_editor_sees_what_waits_for_review_and_today(self):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/")
        self.assertEqual(listed(response, "review"), ["للمراجعة"])
        self.assertEqual(listed(response, "scheduled"), ["بعد ساعة"])
        self.assertEqual(listed(response, "drafts"), ["مسودة غيري"])
        comments = (
            html.fromstring(response.content.decode())
            .xpath('//div[@data-desk-list="comments"]')[0]
            .text_content()
        )
        self.assertIn("تعليق ينتظر", comments)
        self.assertIn("(1)", comments)

    def test_an_author_sees_no_review_queue_and_no_comments(self):
        self.client.force_login(self.writer)
        response = self.client.get("/admin/")
        self.assertEqual(listed(response, "review"), [])
        self.assertEqual(listed(response, "comments"), [])

    def test_one_click_new_article_in_each_section(self):
        self.client.force_login(self.editor)
        tree = html.fromstring(self.client.get("/admin/").content.decode())
        links = {
            a.text_content(): a.get("href")
            for a in tree.xpath("//a[@data-new-article]")
        }
        self.assertEqual(
            links,
            {"أخبار العالم": f"/admin/pages/add/articles/articlepage/{self.world.pk}/",
             "الرياضة": f"/admin/pages/add/articles/articlepage/{self.sport.pk}/"},
        )  # fmt: skip
        form = self.client.get(links["الرياضة"])
        self.assertEqual(form.status_code, 200)

    def test_a_moderator_gets_no_new_article_buttons(self):
        self.client.force_login(staff("mona", "moderator"))
        tree = html.fromstring(self.client.get("/admin/").content.decode())
        self.assertEqual(tree.xpath("//a[@data-new-article]"), [])

    def test_a_writer_does_not_see_a_colleagues_scheduled_article(self):
        """Scheduled is not yet live: a writer sees it only if shared (#14)."""
        self.client.force_login(self.writer)
        self.assertEqual(listed(self.client.get("/admin/"), "scheduled"), [])

    def test_what_waits_for_review_is_listed_once(self):
        """Wagtail's own "awaiting your review" panel duplicated ours."""
        self.client.force_login(self.editor)
        response = self.client.get("/admin/")
        self.assertEqual(response.content.decode().count("للمراجعة"), 1)
