"""A failed job is visible in the admin, in Arabic, and can be tried again (#14)."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nashra.newsroom.tests.base import staff
from nashra.queue.tests import jobs
from nashra.queue.tests.base import FAILED, IN_DATABASE, READY, run_due


@IN_DATABASE
class JobListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.chief = get_user_model().objects.create_superuser("chief", "c@x.org", "pw")

    def failed_job(self):
        """Fails its three attempts; a fourth run would succeed."""
        jobs.calls.clear()
        jobs.flaky.enqueue(3)
        for _ in range(3):
            DBTaskResult.objects.update(run_after=timezone.now())
            run_due()
        return DBTaskResult.objects.get(status=FAILED)

    def test_failed_jobs_are_listed_with_their_error_in_arabic(self):
        self.failed_job()
        self.client.force_login(self.chief)
        response = self.client.get("/admin/jobs/")
        self.assertContains(response, "المهام في الخلفية")
        self.assertContains(response, "فشلت (1)")
        self.assertContains(response, "test: flaky")
        self.assertContains(response, "ConnectionRefusedError: down (3)")
        self.assertContains(response, "3 من 3")
        self.assertContains(response, "أعد المحاولة")

    def test_try_again_queues_the_job_with_fresh_attempts(self):
        job = self.failed_job()
        self.client.force_login(self.chief)
        response = self.client.post(f"/admin/jobs/{job.pk}/retry/")
        self.assertRedirects(response, "/admin/jobs/", fetch_redirect_response=False)
        job.refresh_from_db()
        self.assertEqual((job.status, job.worker_ids), (READY, []))
        run_due()
        job.refresh_from_db()
        self.assertEqual(job.status, "SUCCESSFUL")

    def test_the_settings_menu_shows_it_to_the_chief_editor_only(self):
        self.client.force_login(self.chief)
        self.assertContains(self.client.get("/admin/"), "/admin/jobs/")
        writer = staff("samir", "contributor")
        self.client.force_login(writer)
        self.assertNotContains(self.client.get("/admin/"), "/admin/jobs/")
        # Wagtail turns a refusal into a redirect to the dashboard.
        self.assertRedirects(self.client.get("/admin/jobs/"), "/admin/")
        job = self.failed_job()
        self.client.post(f"/admin/jobs/{job.pk}/retry/")
        job.refresh_from_db()
        self.assertEqual(job.status, FAILED)

    def test_a_chief_editor_may_see_the_jobs(self):
        """The roles migration gave the chief editor every permission of its day;
        the job list's came later, with its own migration."""
        chief_editor = staff("nour", "chief-editor")
        self.client.force_login(chief_editor)
        self.assertEqual(self.client.get("/admin/jobs/").status_code, 200)
