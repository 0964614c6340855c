"""The front page as editors arrange it: each block, in constant queries (#4)."""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.utils import timezone

from nashra.articles.models import Breaking, DailyViews
from nashra.core.tests.factories import build_newspaper
from nashra.home.forms import HomePageForm
from nashra.home.front import front_page


def block(kind, **value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class FrontBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=3)
        cls.home = cls.paper["home"]
        cls.world, cls.culture = cls.paper["world"], cls.paper["culture"]
        cls.articles = cls.paper["articles"]

    def arrange(self, *blocks):
        self.home.body = list(blocks)
        self.home.save_revision().publish()
        self.home.refresh_from_db()

    def kinds(self):
        return [b["kind"] for b in front_page(self.home)["front_blocks"]]

    def test_picked_lead_story(self):
        chosen = self.articles[-1]
        self.arrange(block("lead", article=chosen.pk, section=None))
        self.assertEqual(front_page(self.home)["lead"].pk, chosen.pk)

    def test_lead_is_newest_of_a_section(self):
        self.arrange(block("lead", article=None, section=self.culture.pk))
        lead = front_page(self.home)["lead"]
        self.assertEqual(lead.section_id, self.culture.pk)

    def test_section_block_layouts_and_count(self):
        for layout in ("list", "grid", "lead_list"):
            self.arrange(
                block("section", section=self.world.pk, count=2, layout=layout)
            )
            html = self.client.get("/").content.decode()
            self.assertEqual(html.count('class="card"'), 2, layout)

    def test_editor_order_is_kept(self):
        self.arrange(
            block("section", section=self.culture.pk, count=2, layout="grid"),
            block("latest", title="", count=3),
            block("section", section=self.world.pk, count=2, layout="list"),
        )
        self.assertEqual(self.kinds(), ["section", "latest", "section"])
        html = self.client.get("/").content.decode()
        self.assertLess(html.index("ثقافة وفنون"), html.index(">آخر الأخبار</h2>"))

    def test_empty_blocks_disappear(self):
        """A block with nothing to show must not leave a heading over a hole."""
        self.arrange(
            block("most_read", title="", period="day", count=5),
            block("breaking", title="", count=5),
            block("collection", title="ملف خاص", articles=[]),
            block("latest", title="", count=3),
        )
        self.assertEqual(self.kinds(), ["latest"])

    def test_most_read_and_breaking_and_collection(self):
        first, second = self.articles[0], self.articles[1]
        DailyViews.objects.create(page=second, day=timezone.localdate(), views=9)
        DailyViews.objects.create(page=first, day=timezone.localdate(), views=3)
        Breaking.objects.create(
            page=first, until=timezone.now() + timezone.timedelta(hours=1)
        )
        self.arrange(
            block("most_read", title="", period="week", count=5),
            block("breaking", title="", count=5),
            block("collection", title="ملف خاص", articles=[second.pk, first.pk]),
        )
        blocks = front_page(self.home)["front_blocks"]
        self.assertEqual([a.pk for a in blocks[0]["articles"]], [second.pk, first.pk])
        self.assertEqual([a.pk for a in blocks[1]["articles"]], [first.pk])
        self.assertEqual([a.pk for a in blocks[2]["articles"]], [second.pk, first.pk])

    def test_custom_html_is_sanitised(self):
        """A stolen editor account must not put a script on the front page."""
        self.arrange(
            block("custom_html", title="", html="<p>إعلان</p><script>alert(1)</script>")
        )
        html = self.client.get("/").content.decode()
        self.assertIn("<p>إعلان</p>", html)
        self.assertNotIn("alert(1)", html)

    def test_queries_do_not_grow_with_blocks(self):
        """Two section blocks cost what one does; an image query serves all."""
        self.arrange(block("section", section=self.world.pk, count=3, layout="grid"))
        front_page(self.home)  # warm the private-pages cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as one:
            front_page(self.home)
        self.arrange(
            block("section", section=self.world.pk, count=3, layout="grid"),
            block("section", section=self.culture.pk, count=3, layout="list"),
        )
        front_page(self.home)
        with CaptureQueriesContext(connection) as two:
            front_page(self.home)
        self.assertEqual(len(one.captured_queries), len(two.captured_queries))

    def test_empty_body_shows_the_default_layout(self):
        self.arrange()
        self.assertEqual(self.kinds(), ["lead", "latest", "section", "section"])


class CustomHtmlPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        users = get_user_model().objects
        cls.editor = users.create_user("editor", password="x", is_staff=True)
        cls.trusted = users.create_user("trusted", password="x", is_staff=True)
        group = Group.objects.create(name="html")
        group.permissions.add(Permission.objects.get(codename="edit_custom_html"))
        cls.trusted.groups.add(group)

    def form(self, user, html):
        from wagtail.admin.panels import get_edit_handler

        from nashra.home.models import HomePage

        home = self.paper["home"]
        form_class = get_edit_handler(HomePage).get_form_class()
        self.assertTrue(issubclass(form_class, HomePageForm))
        data = {"title": home.title, "slug": home.slug, "body-count": "1",
                "body-0-type": "custom_html", "body-0-deleted": "",
                "body-0-order": "0", "body-0-id": str(uuid.uuid4()),
                "body-0-value-title": "", "body-0-value-html": html}  # fmt: skip
        return form_class(
            data, instance=home, for_user=user, parent_page=home.get_parent()
        )

    def test_editor_without_permission_cannot_add_html(self):
        form = self.form(self.editor, "<p>مرحبا</p>")
        self.assertFalse(form.is_valid())
        self.assertIn("body", form.errors)

    def test_trusted_staff_can(self):
        form = self.form(self.trusted, "<p>مرحبا</p>")
        form.is_valid()
        self.assertNotIn("body", form.errors)
