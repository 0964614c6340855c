"""A contributor never sees a colleague's drafts unless shared (#14).

The threat: a stringer reading the desk's unpublished scoops (or an
embargoed story) through any admin screen that lists or opens pages. Each
test walks one path with three drafts in the section: the contributor's
own, a colleague's, and a colleague's with the contributor on its byline.
"""

import json

from django.test import TestCase

from nashra.articles.factories import create_article, create_author
from nashra.newsroom.tests.base import Newsroom, staff

OWN, SHARED, HIDDEN = "مسودتي الخاصة", "مسودة مشتركة", "سبق صحفي مخفي"


class HiddenDraftsTests(Newsroom, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        samir = create_author("سمير", user=cls.contributor)
        cls.own = create_article(
            cls.section, OWN, slug="own", publish=False, owner=cls.contributor
        )
        cls.shared = create_article(
            cls.section, SHARED, slug="on-the-byline", publish=False, owner=cls.author,
            authors=[samir],
        )  # fmt: skip
        cls.hidden = create_article(
            cls.section, HIDDEN, slug="hidden", publish=False, owner=cls.author
        )
        cls.live = create_article(cls.section, "خبر منشور", slug="live")
        cls.editor = staff("adel", "editor")

    def setUp(self):
        self.client.force_login(self.contributor)

    def assertShowsTheRightDrafts(self, content):
        text = content.decode() if isinstance(content, bytes) else content
        self.assertIn(OWN, text)
        self.assertIn(SHARED, text)
        self.assertNotIn(HIDDEN, text)

    def test_explorer(self):
        response = self.client.get(f"/admin/pages/{self.section.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertShowsTheRightDrafts(response.content)
        self.assertContains(response, "خبر منشور")

    def test_admin_search(self):
        response = self.client.get("/admin/pages/search/", {"q": "مسودة"})
        self.assertEqual(response.status_code, 200)
        response = self.client.get("/admin/pages/search/", {"q": "سبق"})
        self.assertNotContains(response, HIDDEN)
        response = self.client.get(f"/admin/pages/{self.section.pk}/", {"q": "سبق"})
        self.assertNotContains(response, HIDDEN)

    def test_page_chooser(self):
        response = self.client.get(f"/admin/choose-page/{self.section.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertShowsTheRightDrafts(json.loads(response.content)["html"])
        response = self.client.get("/admin/choose-page/search/", {"q": "سبق"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, HIDDEN)

    def test_admin_api_behind_the_explorer_menu(self):
        response = self.client.get(
            "/admin/api/main/pages/",
            {"child_of": self.section.pk, "for_explorer": 1, "fields": "title"},
        )
        titles = [item["title"] for item in response.json()["items"]]
        self.assertShowsTheRightDrafts(" ".join(titles))
        response = self.client.get(f"/admin/api/main/pages/{self.hidden.pk}/")
        self.assertEqual(response.status_code, 404)

    def test_edit_preview_history_and_revisions_refuse_the_hidden_draft(self):
        revision = self.hidden.latest_revision
        for path in (
            f"/admin/pages/{self.hidden.pk}/edit/",
            f"/admin/pages/{self.hidden.pk}/view_draft/",
            f"/admin/pages/{self.hidden.pk}/edit/preview/",
            f"/admin/pages/{self.hidden.pk}/history/",
            f"/admin/pages/{self.hidden.pk}/revisions/",
            f"/admin/pages/{self.hidden.pk}/revisions/{revision.pk}/view/",
            f"/admin/pages/{self.hidden.pk}/workflow_history/",
        ):
            response = self.client.get(path)
            self.assertIn(response.status_code, (302, 403, 404), path)
            self.assertNotContains(response, HIDDEN, status_code=response.status_code)

    def test_a_shared_draft_opens_for_editing_and_preview(self):
        response = self.client.get(f"/admin/pages/{self.shared.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        response = self.client.get(f"/admin/pages/{self.shared.pk}/view_draft/")
        self.assertEqual(response.status_code, 200)
        # Shared is not published: the contributor still cannot publish it.
        perms = self.shared.permissions_for_user(self.contributor)
        self.assertFalse(perms.can_publish())

    def test_site_history(self):
        response = self.client.get("/admin/reports/site-history/results/")
        self.assertNotContains(response, HIDDEN, status_code=response.status_code)

    def test_planning_desk_and_dashboard(self):
        response = self.client.get("/admin/desk/")
        self.assertIn(response.status_code, (302, 403))
        self.assertNotContains(response, HIDDEN, status_code=response.status_code)
        response = self.client.get("/admin/")
        self.assertNotContains(response, HIDDEN)

    def test_an_author_sees_no_colleagues_drafts_either(self):
        self.client.force_login(self.other_author)
        response = self.client.get(f"/admin/pages/{self.section.pk}/")
        self.assertNotContains(response, HIDDEN)
        self.assertNotContains(response, OWN)

    def test_the_editor_sees_every_draft_in_the_section(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{self.section.pk}/")
        self.assertContains(response, HIDDEN)
        self.assertContains(response, OWN)
