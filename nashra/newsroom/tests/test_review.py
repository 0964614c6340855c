"""Review before publishing: submit, the editors are asked, they decide (#14).

The default workflow is «مراجعة المحرر»: a contributor submits, the
article's section editors are e-mailed through the task queue, and an
editor approves (now or at a time) or sends it back with a note the writer
sees. Every decision is in the page history, in Arabic.
"""

import importlib
from datetime import timedelta

from django.apps import apps
from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import (
    Page,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowState,
)

from nashra.core.tests.latin_text import screen_strings, untranslated
from nashra.newsroom.models import EditorReviewTask
from nashra.newsroom.publishing import may_review
from nashra.newsroom.review import editors_for
from nashra.newsroom.roles import section_editor
from nashra.newsroom.tests.base import Newsroom, staff
from nashra.queue.tests.base import IN_DATABASE, run_due
from nashra.sections.factories import create_section

REVIEW_MIGRATION = importlib.import_module(
    "nashra.newsroom.migrations.0004_editor_review_workflow"
)
QUEUED_MAIL = override_settings(
    EMAIL_BACKEND="nashra.queue.mail.QueuedEmailBackend",
    EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    WAGTAILADMIN_BASE_URL="https://news.example",
)


class Review(Newsroom):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = staff("layla", "editor")
        cls.culture = create_section(cls.home, "الثقافة", "culture")
        cls.culture_editor = staff("nabil", "contributor")
        cls.culture_editor.groups.set([section_editor(cls.culture).group])
        cls.sport_editor = staff("omar", "contributor")
        cls.sport_editor.groups.set([section_editor(cls.section).group])
        cls.chief = staff("nour", "chief-editor")

    def setUp(self):
        self.article = self.draft(self.contributor, "match")

    def submit(self):
        self.client.force_login(self.contributor)
        return self.client.post(
            f"/admin/pages/{self.article.pk}/edit/",
            self.article_form("match", **{"action-submit": "1"}),
        )

    def state(self):
        return self.article.current_workflow_task_state

    def act(self, user, action, **data):
        self.client.force_login(user)
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[self.article.pk, action, self.state().pk],
        )
        return self.client.post(url, data)


class DefaultWorkflowTests(Review, TestCase):
    def test_the_editor_review_is_every_sections_workflow(self):
        workflow = self.article.get_workflow()
        self.assertEqual(workflow.name, "مراجعة المحرر")
        (task,) = [t.specific for t in workflow.tasks]
        self.assertIsInstance(task, EditorReviewTask)
        self.assertEqual(str(task._meta.verbose_name), "مراجعة المحرر")

    def test_the_submit_button_names_it(self):
        self.client.force_login(self.contributor)
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(response, "تقديم إلى مراجعة المحرر")

    def test_field_comments_are_on_in_the_editor(self):
        self.client.force_login(self.contributor)
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(response, 'data-side-panel-toggle="comments"')

    def test_who_reviews(self):
        """The section's editors and site-wide editors; never a writer."""
        page = Page.objects.get(pk=self.article.pk)
        reviewers = {
            user.username
            for user in (self.editor, self.sport_editor, self.culture_editor,
                         self.contributor, self.author, self.moderator, self.chief)
            if may_review(page, user)
        }  # fmt: skip
        self.assertEqual(reviewers, {"layla", "omar", "nour"})
        self.assertEqual([u.username for u in editors_for(page)], ["layla", "omar"])


@QUEUED_MAIL
class SubmitTests(Review, TestCase):
    def test_submitting_emails_the_sections_editors(self):
        response = self.submit()
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.article.current_workflow_state.status, "in_progress")
        to = sorted(m.to[0] for m in mail.outbox if "مطلوب مراجعة" in m.subject)
        self.assertEqual(to, ["layla@example.org", "omar@example.org"])
        message = next(m for m in mail.outbox if m.to == ["omar@example.org"])
        self.assertIn("خبر match", message.subject)
        self.assertIn(
            f"https://news.example/admin/pages/{self.article.pk}/edit/", message.body
        )
        self.assertIn("samir", message.body)

    @IN_DATABASE
    def test_the_submit_only_queues_the_request(self):
        """The writer's submit never waits on the editors' mail server."""
        self.submit()
        self.assertEqual(mail.outbox, [])
        jobs = set(DBTaskResult.objects.values_list("task_path", flat=True))
        self.assertIn("nashra.newsroom.review.ask_editors", jobs)
        run_due()
        self.assertIn("omar@example.org", [m.to[0] for m in mail.outbox])

    def test_the_article_is_locked_for_its_writer_while_in_review(self):
        self.submit()
        page = Page.objects.get(pk=self.article.pk)
        self.assertTrue(page.get_lock().for_user(self.contributor))
        self.assertFalse(page.get_lock().for_user(self.editor))


@QUEUED_MAIL
class DecisionTests(Review, TestCase):
    def setUp(self):
        super().setUp()
        self.submit()

    def test_approve_publishes_now(self):
        self.act(self.sport_editor, "approve")
        self.article.refresh_from_db()
        self.assertTrue(self.article.live)
        self.assertEqual(self.client.get(self.article.url).status_code, 200)

    def test_a_culture_editor_cannot_approve_a_sports_article(self):
        self.act(self.culture_editor, "approve")
        self.article.refresh_from_db()
        self.assertFalse(self.article.live)

    def test_approve_at_a_time_schedules_it(self):
        when = timezone.localtime() + timedelta(days=1)
        self.act(self.editor, "schedule",
                 go_live_at=when.strftime("%Y-%m-%dT%H:%M"), comment="")  # fmt: skip
        self.article.refresh_from_db()
        self.assertFalse(self.article.live)
        scheduled = self.article.scheduled_revision
        self.assertIsNotNone(scheduled)
        self.assertEqual(
            scheduled.approved_go_live_at.replace(second=0, microsecond=0),
            when.replace(second=0, microsecond=0),
        )

    def test_a_time_in_the_past_is_refused(self):
        past = timezone.localtime() - timedelta(hours=1)
        self.act(self.editor, "schedule", go_live_at=past.strftime("%Y-%m-%dT%H:%M"))
        self.assertEqual(self.state().status, "in_progress")

    def test_request_changes_needs_a_note_the_writer_then_sees(self):
        self.act(self.editor, "reject", comment="")
        self.assertEqual(self.state().status, "in_progress")
        self.act(self.editor, "reject", comment="أضف مصدر الخبر في الفقرة الأولى.")
        state = WorkflowState.objects.get(pk=self.article.current_workflow_state.pk)
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.client.force_login(self.contributor)
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(
            response, "طلب layla تعديلات: أضف مصدر الخبر في الفقرة الأولى."
        )
        to_writer = [m for m in mail.outbox if m.to == ["samir@example.org"]]
        self.assertTrue(to_writer, "Wagtail tells the writer, through the queue")

    def test_every_decision_is_in_the_history_in_arabic(self):
        self.act(self.editor, "reject", comment="أعد الصياغة")
        self.submit()
        self.act(self.editor, "approve")
        self.client.force_login(self.chief)
        response = self.client.get(f"/admin/pages/{self.article.pk}/history/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("مراجعة المحرر", html)
        self.assertIn("أعد الصياغة", html)
        # The article's title, «خبر match», is the newsroom's own Latin.
        strings = [text.replace("خبر match", "") for text in screen_strings(html)]
        english = untranslated(strings, {"samir", "layla"})
        self.assertEqual(english, [])
        actions = set(
            PageLogEntry.objects.filter(page_id=self.article.pk).values_list(
                "action", flat=True
            )
        )
        decisions = {"wagtail.workflow.start", "wagtail.workflow.reject",
                     "wagtail.workflow.approve", "wagtail.publish"}  # fmt: skip
        self.assertLessEqual(decisions, actions)

    def test_the_editors_dashboard_lists_what_waits_for_them(self):
        self.client.force_login(self.sport_editor)
        self.assertContains(self.client.get("/admin/"), "خبر match")
        self.client.force_login(self.culture_editor)
        self.assertNotContains(self.client.get("/admin/"), "خبر match")


class MigrationTests(TestCase):
    def root_workflow(self):
        return Page.objects.get(depth=1).get_workflow().name

    def test_wagtails_default_workflow_stays_for_whoever_wants_it(self):
        names = set(Workflow.objects.values_list("name", flat=True))
        self.assertEqual(names, {"مراجعة المحرر", "موافقة المشرفين"})

    def test_reverse_gives_the_root_back_to_wagtails_then_forward_again(self):
        REVIEW_MIGRATION.remove_review(apps, None)
        self.assertEqual(self.root_workflow(), "موافقة المشرفين")
        self.assertFalse(EditorReviewTask.objects.exists())
        REVIEW_MIGRATION.add_review(apps, None)
        self.assertEqual(self.root_workflow(), "مراجعة المحرر")

    def test_a_workflow_the_newsroom_chose_is_kept(self):
        REVIEW_MIGRATION.remove_review(apps, None)
        own = Workflow.objects.create(name="سير التحرير الخاص")
        WorkflowPage.objects.filter(page__depth=1).update(workflow=own)
        REVIEW_MIGRATION.add_review(apps, None)
        self.assertEqual(self.root_workflow(), "سير التحرير الخاص")
        self.assertTrue(Workflow.objects.filter(name="مراجعة المحرر").exists())
