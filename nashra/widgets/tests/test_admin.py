"""The newsroom places widgets from the admin, in Arabic; custom HTML only
by staff holding the permission the front page's custom HTML asks for (#20)."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from nashra.core.tests.factories import build_newspaper
from nashra.widgets.models import WidgetAreas
from nashra.widgets.tests.helpers import widget


def permissions(*codenames):
    return [Permission.objects.get(codename=c) for c in codenames]


class WidgetAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.site = Site.objects.get(is_default_site=True)
        users = get_user_model().objects
        editors = Group.objects.create(name="widget editors")
        editors.permissions.add(*permissions("access_admin", "change_widgetareas"))
        trusted = Group.objects.create(name="html")
        trusted.permissions.add(*permissions("edit_custom_html"))
        cls.editor = users.create_user("editor", password="x", is_staff=True)
        cls.editor.groups.add(editors)
        cls.trusted = users.create_user("trusted", password="x", is_staff=True)
        cls.trusted.groups.add(editors, trusted)
        cls.url = reverse(
            "wagtailsettings:edit", args=["widgets", "widgetareas", cls.site.pk]
        )

    def post(self, user, sidebar=(), footer=()):
        self.client.force_login(user)
        data = nested_form_data(
            {"sidebar": streamfield(list(sidebar)), "footer": streamfield(list(footer))}
        )
        return self.client.post(self.url, data)

    def stored(self):
        return WidgetAreas.for_site(self.site)

    def test_the_settings_page_opens_in_arabic(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        for text in ("الودجات", "الشريط الجانبي", "التذييل", "أحدث المقالات",
                     "الأكثر قراءة", "أحدث أخبار قسم", "تابعونا",
                     "الاشتراك في النشرة البريدية", "تاريخ اليوم (هجري وميلادي)"):  # fmt: skip
            with self.subTest(text=text):
                # Block labels travel in the editor's JSON, \u-escaped.
                escaped = json.dumps(text)[1:-1]
                html = response.content.decode()
                self.assertTrue(text in html or escaped in html, text)

    def test_an_editor_places_latest_and_most_read(self):
        response = self.post(
            self.editor,
            sidebar=[("latest", {"title": "", "count": "4"}),
                     ("most_read", {"title": "", "count": "3", "period": "week"})],
            footer=[("today", {"title": ""})],
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        areas = self.stored()
        self.assertEqual([b.block_type for b in areas.sidebar], ["latest", "most_read"])
        self.assertEqual([b.block_type for b in areas.footer], ["today"])

    def test_an_editor_without_the_permission_cannot_add_custom_html(self):
        response = self.post(
            self.editor, footer=[("custom_html", {"title": "", "html": "<p>مرحبا</p>"})]
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertIn("footer", errors)
        self.assertIn("مقصورة على من يملك صلاحية تحرير HTML", str(errors["footer"]))
        self.assertEqual(list(self.stored().footer), [])

    def test_nor_change_custom_html_already_placed(self):
        areas = self.stored()
        areas.sidebar = [widget("custom_html", title="", html="<p>قديم</p>")]
        areas.save()
        response = self.post(
            self.editor, sidebar=[("custom_html", {"title": "", "html": "<p>جديد</p>"})]
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("قديم", self.stored().sidebar.raw_data[0]["value"]["html"])

    def test_but_may_reorder_other_widgets_around_it(self):
        areas = self.stored()
        areas.sidebar = [widget("custom_html", title="", html="<p>قديم</p>")]
        areas.save()
        response = self.post(
            self.editor,
            sidebar=[("latest", {"title": "", "count": "5"}),
                     ("custom_html", {"title": "", "html": "<p>قديم</p>"})],
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            [b.block_type for b in self.stored().sidebar], ["latest", "custom_html"]
        )

    def test_staff_with_the_permission_can(self):
        response = self.post(
            self.trusted,
            footer=[("custom_html", {"title": "", "html": "<p>مرحبا</p>"})],
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            self.stored().footer.raw_data[0]["value"]["html"], "<p>مرحبا</p>"
        )

    def test_the_chief_editor_may_place_widgets(self):
        from nashra.newsroom.models import Role

        role = Role.objects.filter(key="chief-editor", section__isnull=True).first()
        self.assertIsNotNone(role)
        self.assertTrue(
            role.group.permissions.filter(codename="change_widgetareas").exists()
        )
