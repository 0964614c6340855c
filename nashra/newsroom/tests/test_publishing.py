"""Nobody publishes beyond their role, through any path (#14).

Each test signs in with the Django test client and tries one way in; the
article must stay a draft (or stay live, for unpublishing).
"""

from django.contrib.auth.models import AnonymousUser
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page

from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage
from nashra.newsroom.publishing import NewsroomPermissionTester
from nashra.newsroom.roles import section_editor
from nashra.newsroom.tests.base import Newsroom, staff
from nashra.sections.factories import create_section

BULK_PUBLISH = "/admin/bulk/wagtailcore/page/publish/?id={}"
BULK_UNPUBLISH = "/admin/bulk/wagtailcore/page/unpublish/?id={}"
ADMIN_API = "/admin/api/main/pages/{}/action/{}/"


class Paths(Newsroom):
    def assertDraft(self, page):
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertIsNone(page.scheduled_revision)


class ContributorTests(Paths, TestCase):
    def setUp(self):
        self.client.force_login(self.contributor)
        self.article = self.draft(self.contributor, "mine")

    def test_edit_form_publish_saves_a_draft_only(self):
        response = self.client.post(
            f"/admin/pages/{self.article.pk}/edit/",
            self.article_form("mine", **{"action-publish": "1"}),
        )
        self.assertIn(response.status_code, (200, 302))
        self.assertDraft(self.article)
        # The draft was saved: the form worked, only the publish was refused.
        self.assertEqual(self.article.revisions.count(), 2)

    def test_edit_form_schedule_is_refused(self):
        self.client.post(
            f"/admin/pages/{self.article.pk}/edit/",
            self.article_form(
                "mine", go_live_at="2030-01-01 10:00", **{"action-publish": "1"}
            ),
        )
        self.assertDraft(self.article)

    def test_create_and_publish_makes_a_draft(self):
        self.client.post(
            f"/admin/pages/add/articles/articlepage/{self.section.pk}/",
            self.article_form("fresh", **{"action-publish": "1"}),
        )
        self.assertDraft(ArticlePage.objects.get(slug="fresh"))

    def test_bulk_publish_is_refused(self):
        self.client.post(BULK_PUBLISH.format(self.article.pk), {})
        self.assertDraft(self.article)

    def test_admin_api_publish_is_refused(self):
        response = self.client.post(ADMIN_API.format(self.article.pk, "publish"))
        self.assertEqual(response.status_code, 403)
        self.assertDraft(self.article)

    def test_public_api_cannot_write(self):
        url = f"/api/v1/articles/{self.article.pk}/"
        for method in ("post", "put", "patch", "delete"):
            response = getattr(self.client, method)(
                url, {"live": True}, content_type="application/json"
            )
            self.assertIn(response.status_code, (404, 405), method)
        self.assertDraft(self.article)

    def test_workflow_approve_url_is_refused(self):
        self.article.get_workflow().start(self.article, self.contributor)
        state = self.article.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[self.article.pk, "approve", state.pk],
        )
        response = self.client.post(url, {"comment": ""})
        self.assertIn(response.status_code, (302, 403))
        self.assertDraft(self.article)

    def test_revision_and_preview_urls_do_not_publish(self):
        revision = self.article.latest_revision
        pk = self.article.pk
        for url in (
            f"/admin/pages/{pk}/revisions/{revision.pk}/revert/",
            f"/admin/pages/{pk}/revisions/{revision.pk}/unschedule/",
            f"/admin/pages/{pk}/edit/preview/",
            f"/admin/pages/{pk}/view_draft/",
        ):
            self.client.post(url, self.article_form("mine", **{"action-publish": "1"}))
        self.assertDraft(self.article)

    def test_others_drafts_stay_closed(self):
        theirs = self.draft(self.author, "theirs")
        revision = theirs.latest_revision
        for url in (
            f"/admin/pages/{theirs.pk}/edit/",
            f"/admin/pages/{theirs.pk}/edit/preview/",
            f"/admin/pages/{theirs.pk}/view_draft/",
            f"/admin/pages/{theirs.pk}/revisions/",
            f"/admin/pages/{theirs.pk}/revisions/{revision.pk}/view/",
        ):
            self.assertIn(self.client.get(url).status_code, (302, 403), url)
        self.client.post(BULK_PUBLISH.format(theirs.pk), {})
        self.assertDraft(theirs)


class AuthorTests(Paths, TestCase):
    def setUp(self):
        self.client.force_login(self.author)
        self.theirs = self.draft(self.other_author, "theirs")

    def test_publishes_own_article(self):
        mine = self.draft(self.author, "mine")
        self.client.post(BULK_PUBLISH.format(mine.pk), {})
        mine.refresh_from_db()
        self.assertTrue(mine.live)

    def test_cannot_open_someone_elses_article(self):
        response = self.client.post(
            f"/admin/pages/{self.theirs.pk}/edit/",
            self.article_form("theirs", **{"action-publish": "1"}),
        )
        self.assertEqual(response.status_code, 302)  # Wagtail's permission denied
        self.assertDraft(self.theirs)

    def test_bulk_publish_of_someone_elses_is_refused(self):
        self.client.post(BULK_PUBLISH.format(self.theirs.pk), {})
        self.assertDraft(self.theirs)

    def test_admin_api_publish_of_someone_elses_is_refused(self):
        response = self.client.post(ADMIN_API.format(self.theirs.pk, "publish"))
        # 404: a colleague's draft is not even there for them (sharing).
        self.assertIn(response.status_code, (403, 404))
        self.assertDraft(self.theirs)

    def test_cannot_unpublish_someone_elses(self):
        self.theirs.save_revision().publish()
        self.client.post(f"/admin/pages/{self.theirs.pk}/unpublish/", {})
        self.client.post(BULK_UNPUBLISH.format(self.theirs.pk), {})
        self.client.post(ADMIN_API.format(self.theirs.pk, "unpublish"))
        self.theirs.refresh_from_db()
        self.assertTrue(self.theirs.live)


class ModeratorTests(Paths, TestCase):
    def setUp(self):
        self.client.force_login(self.moderator)

    def test_reaches_the_comment_queue_only(self):
        self.assertEqual(self.client.get("/admin/comments/").status_code, 200)
        for url in (
            "/admin/pages/",
            f"/admin/pages/{self.section.pk}/",
            f"/admin/pages/add/articles/articlepage/{self.section.pk}/",
            "/admin/images/",
            "/admin/documents/",
            "/admin/snippets/articles/author/",
            "/admin/users/",
            "/admin/groups/",
            "/admin/settings/theme/themeoptions/",
        ):
            response = self.client.get(url)
            self.assertIn(response.status_code, (302, 403, 404), url)

    def test_cannot_publish(self):
        article = self.draft(self.author, "story")
        self.client.post(BULK_PUBLISH.format(article.pk), {})
        self.client.post(ADMIN_API.format(article.pk, "publish"))
        self.assertDraft(article)


class EveryPageTypeTests(TestCase):
    def test_every_page_type_asks_the_newsroom(self):
        """A new page type without the mixin would let authors publish others' pages."""
        from wagtail.models import get_page_models

        for model in get_page_models():
            if model is Page:
                continue
            tester = model().permissions_for_user(AnonymousUser())
            self.assertIsInstance(tester, NewsroomPermissionTester, model)


class EditorTests(Paths, TestCase):
    def test_editor_publishes_anyones_article(self):

        self.client.force_login(staff("ziad", "editor"))
        theirs = self.draft(self.contributor, "filed")
        self.client.post(BULK_PUBLISH.format(theirs.pk), {})
        theirs.refresh_from_db()
        self.assertTrue(theirs.live)

    def test_section_editor_publishes_in_their_section_only(self):
        from django.contrib.auth import get_user_model

        culture = create_section(self.home, "ثقافة", "culture")
        editor = get_user_model().objects.create_user("lina", is_staff=True)
        editor.groups.add(section_editor(self.section).group)
        self.client.force_login(editor)
        here = self.draft(self.contributor, "match")
        there = create_article(culture, "معرض", slug="expo", publish=False)
        self.client.post(BULK_PUBLISH.format(here.pk), {})
        self.client.post(BULK_PUBLISH.format(there.pk), {})
        self.client.post(ADMIN_API.format(there.pk, "publish"))
        here.refresh_from_db()
        self.assertTrue(here.live)
        self.assertDraft(there)
