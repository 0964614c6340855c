"""The planning desk: which articles, in which state, by day and section (#14)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html
from wagtail.models import Workflow

from nashra.articles.factories import create_article, create_author
from nashra.core.tests.factories import ensure_home
from nashra.desk import plan
from nashra.newsroom.tests.base import staff
from nashra.sections.factories import create_section


def rows(response):
    tree = html.fromstring(response.content.decode())
    return {
        int(tr.get("data-desk-item")): [
            td.text_content().strip() for td in tr.findall("td")
        ]
        for tr in tree.xpath("//tr[@data-desk-item]")
    }


class DeskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home()
        cls.world = create_section(cls.home, "أخبار العالم", "world")
        cls.sport = create_section(cls.home, "الرياضة", "sport")
        cls.editor = staff("ziad", "editor")
        cls.writer_user = staff("huda", "author")
        writer = create_author("هدى الكاتبة", "huda", user=cls.writer_user)
        now = timezone.now()
        cls.published = create_article(
            cls.world, "خبر منشور", slug="out", authors=[writer],
            published_at=now - timedelta(hours=1), owner=cls.editor,
        )  # fmt: skip
        cls.old = create_article(
            cls.world, "خبر قديم", slug="old", published_at=now - timedelta(days=30)
        )
        cls.draft = create_article(
            cls.sport, "مسودة", slug="draft", publish=False, owner=cls.writer_user
        )
        cls.scheduled = create_article(
            cls.sport, "خبر مجدول", slug="later", publish=False, owner=cls.editor
        )
        cls.scheduled.go_live_at = now + timedelta(days=2)
        cls.scheduled.save_revision().publish()
        cls.review = create_article(
            cls.world, "خبر للمراجعة", slug="review", publish=False,
            owner=cls.writer_user,
        )  # fmt: skip
        workflow = Workflow.objects.filter(active=True).first()
        workflow.start(cls.review, cls.writer_user)

    def setUp(self):
        self.client.force_login(self.editor)

    def get(self, **query):
        return self.client.get("/admin/desk/", query)

    def test_today_shows_published_drafts_and_reviews_with_their_people(self):
        found = rows(self.get())
        self.assertEqual(set(found), {self.published.pk, self.draft.pk, self.review.pk})
        time, title, status, writer, assignee = found[self.published.pk]
        self.assertEqual((title, status, writer), ("خبر منشور", "منشور", "هدى الكاتبة"))
        self.assertEqual(assignee, "ziad")
        self.assertEqual(found[self.draft.pk][2], "مسودة")
        self.assertEqual(found[self.review.pk][2], "قيد المراجعة")

    def test_week_range_reaches_the_scheduled_article(self):
        found = rows(self.get(span="week"))
        self.assertIn(self.scheduled.pk, found)
        self.assertEqual(found[self.scheduled.pk][2], "مجدول")
        self.assertNotIn(self.old.pk, found)
        later = timezone.localdate() + timedelta(days=2)
        self.assertEqual(
            set(rows(self.get(start=later.isoformat()))), {self.scheduled.pk}
        )

    def test_grouped_by_day_and_section(self):
        tree = html.fromstring(self.get(span="week").content.decode())
        headings = [h.text_content() for h in tree.xpath("//h2|//h3")]
        sections = [h for h in headings if h in ("أخبار العالم", "الرياضة")]
        # Today: the sections in title order; in two days: sport alone.
        self.assertEqual(sections, ["أخبار العالم", "الرياضة", "الرياضة"])

    def test_filters_by_section_person_and_status(self):
        self.assertEqual(set(rows(self.get(section=self.sport.pk))), {self.draft.pk})
        mine = rows(self.get(person=self.writer_user.pk))
        # Owner of the draft and the review, byline author of the published one.
        self.assertEqual(set(mine), {self.draft.pk, self.review.pk, self.published.pk})
        self.assertEqual(set(rows(self.get(status="draft"))), {self.draft.pk})
        self.assertEqual(set(rows(self.get(status="in_review"))), {self.review.pk})

    def test_bad_filters_get_a_message_not_a_500(self):
        for query in ({"start": "أمس"}, {"span": "year"}, {"section": "x"},
                      {"status": "lost"}, {"person": "999999"}):  # fmt: skip
            with self.subTest(query=query):
                response = self.get(**query)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, "error-message", status_code=400)

    def test_the_desk_is_closed_to_authors_and_contributors(self):
        for user in (self.writer_user, staff("samir", "contributor")):
            self.client.force_login(user)
            # Wagtail answers a refusal with the dashboard and a message.
            response = self.get()
            self.assertEqual(response.status_code, 302)
            self.assertEqual(response["Location"], "/admin/")
            self.assertNotContains(self.client.get("/admin/"), 'href="/admin/desk/"')

    def test_a_section_editor_sees_their_section_only(self):
        from nashra.newsroom.roles import section_editor

        lina = get_user_model().objects.create_user("lina", is_staff=True)
        lina.groups.add(section_editor(self.sport).group)
        self.client.force_login(lina)
        self.assertEqual(
            set(rows(self.get(span="week"))), {self.draft.pk, self.scheduled.pk}
        )

    def test_queries_do_not_grow_with_the_rows(self):
        def count():
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.get(span="week").status_code, 200)
            return len(queries)

        count()
        before = count()
        for n in range(5):
            create_article(self.world, f"إضافي {n}", slug=f"extra-{n}",
                           authors=[create_author(f"كاتب {n}")])  # fmt: skip
        count()  # Wagtail reads its sites again after a publish
        self.assertEqual(count(), before)

    def test_every_writer_is_named_as_arabic_writes_a_list(self):
        """«هدى الكاتبة وسلمى وخالد», not a comma list (#20)."""
        names = [create_author(name) for name in ("سلمى", "خالد")]
        story = create_article(
            self.world, "خبر مشترك", slug="joint", publish=False, owner=self.editor,
            authors=[self.published.article_authors.first().author, *names],
        )  # fmt: skip
        self.assertEqual(rows(self.get())[story.pk][3], "هدى الكاتبة وسلمى وخالد")

    def test_titles_and_names_are_escaped(self):
        """The rows are built in Python, not the template: a headline with
        markup must still arrive as text."""
        create_article(self.world, "<script>alert(1)</script>", slug="xss",
                       publish=False, owner=self.editor)  # fmt: skip
        page = self.get().content.decode()
        self.assertNotIn("<script>alert(1)</script>", page)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page)

    def test_the_plan_is_in_time_order(self):
        start = timezone.now() - timedelta(days=1)
        found = plan.items(start, start + timedelta(days=7))
        self.assertEqual([i.at for i in found], sorted(i.at for i in found))
