"""Writers create articles, never the site's structure (#14).

The threat: a stringer adding a section to the menu, a second home page, or
an "about us" page, through the create form, a copy or the admin API.
"""

from django.test import TestCase

from nashra.newsroom.tests.base import Newsroom, staff

SECTION_FORM = {"title": "قسم جديد", "slug": "new-section"}


class PageTypeTests(Newsroom, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = staff("adel", "editor")

    def assertRefused(self, response):
        self.assertIn(response.status_code, (302, 403))
        if response.status_code == 302:
            self.assertNotIn("/edit/", response["Location"])

    def test_writers_may_not_create_structural_pages(self):
        for user in (self.contributor, self.author):
            self.client.force_login(user)
            for path in (
                f"/admin/pages/add/sections/sectionpage/{self.section.pk}/",
                f"/admin/pages/add/sections/sectionpage/{self.home.pk}/",
                f"/admin/pages/add/pages/standardpage/{self.home.pk}/",
            ):
                self.assertRefused(self.client.get(path))
                self.assertRefused(self.client.post(path, SECTION_FORM))
        self.assertFalse(self.home.get_descendants().filter(slug="new-section"))

    def test_the_home_page_offers_writers_no_add_button(self):
        perms = self.home.permissions_for_user(self.contributor)
        self.assertFalse(perms.can_add_subpage())
        self.assertRefused(self.client.get(f"/admin/pages/{self.home.pk}/add_subpage/"))

    # A live coverage page is an article (LivePage extends ArticlePage): writers
    # may open one, and its entries are the live desk's rules (#15).
    def test_writers_create_articles_in_a_section(self):
        self.client.force_login(self.contributor)
        path = f"/admin/pages/add/articles/articlepage/{self.section.pk}/"
        self.assertEqual(self.client.get(path).status_code, 200)
        self.assertTrue(self.section.permissions_for_user(self.contributor)
                        .can_add_subpage())  # fmt: skip

    def test_writers_may_not_copy_a_section(self):
        """Even one they own (made before this rule, or handed to them)."""
        other = self.section.copy(
            update_attrs={"slug": "sport-2", "title": "ثانٍ", "owner": self.author}
        )
        perms = other.permissions_for_user(self.author)
        self.assertFalse(perms.can_copy_to(self.section))
        self.client.force_login(self.author)
        response = self.client.post(
            f"/admin/api/main/pages/{other.pk}/action/copy/",
            {"destination_page_id": self.section.pk},
            content_type="application/json",
        )
        self.assertIn(response.status_code, (403, 404))

    def test_an_editor_still_adds_sections(self):
        self.client.force_login(self.editor)
        path = f"/admin/pages/add/sections/sectionpage/{self.section.pk}/"
        self.assertEqual(self.client.get(path).status_code, 200)
