"""Every e-mail is a job: delivered by a worker, never inside a request (#14, #17)."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult

from nashra.comments.models import Comment
from nashra.comments.tests.helpers import newspaper_with_options, post
from nashra.queue.mail import as_job_data, from_job_data
from nashra.queue.tests.base import IN_DATABASE, READY, SUCCESSFUL, run_due
from nashra.queue.tests.smtp import HungSMTP, LoopbackSMTP

ALERT = "nashra.comments.notify.alert_editors"
QUEUED = override_settings(
    EMAIL_BACKEND="nashra.queue.mail.QueuedEmailBackend",
    EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)


@IN_DATABASE
@QUEUED
class QueuedBackendTests(TestCase):
    def test_sending_only_queues_and_the_worker_delivers(self):
        sent = send_mail("عنوان", "نص الرسالة", None, ["layla@example.org"])
        self.assertEqual(sent, 1)
        self.assertEqual(mail.outbox, [])
        job = DBTaskResult.objects.get()
        self.assertEqual(job.task_path, "nashra.queue.mail.deliver")
        self.assertEqual(job.args_kwargs["args"][0]["to"], ["layla@example.org"])
        run_due()
        (message,) = mail.outbox
        self.assertEqual((message.subject, message.body), ("عنوان", "نص الرسالة"))
        job.refresh_from_db()
        self.assertEqual(job.status, SUCCESSFUL)

    def test_alternatives_attachments_and_headers_survive_the_queue(self):
        message = EmailMultiAlternatives(
            "س", "نص", "desk@example.org", ["a@example.org"], cc=["b@example.org"],
            bcc=["c@example.org"], reply_to=["r@example.org"],
            headers={"X-Nashra": "1"},
        )  # fmt: skip
        message.attach_alternative("<p>نص</p>", "text/html")
        message.attach("تقرير.txt", "محتوى".encode(), "text/plain")
        again = from_job_data(as_job_data(message))
        self.assertEqual(again.recipients(), message.recipients())
        self.assertEqual(again.alternatives[0][0], "<p>نص</p>")
        self.assertEqual(again.attachments[0][1], "محتوى")
        self.assertEqual(again.extra_headers, {"X-Nashra": "1"})
        self.assertEqual(again.reply_to, ["r@example.org"])

    def test_a_message_without_recipients_queues_nothing(self):
        self.assertEqual(send_mail("س", "ن", None, []), 0)
        self.assertFalse(DBTaskResult.objects.exists())

    def test_wagtails_password_reset_queues_its_mail(self):
        """Wagtail's own e-mails (password reset, workflow notices) go the same way."""
        get_user_model().objects.create_user("huda", "huda@example.org", "pw")
        response = self.client.post(
            "/admin/password_reset/", {"email": "huda@example.org"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(
            DBTaskResult.objects.get().task_path, "nashra.queue.mail.deliver"
        )


@IN_DATABASE
class CommentAlertTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = newspaper_with_options()["articles"][0]
        get_user_model().objects.create_superuser("chief", "chief@example.org", "x")

    @QUEUED
    def test_a_pending_comment_queues_the_alert_and_the_worker_sends_it(self):
        post(self.client, self.article)
        self.assertEqual(mail.outbox, [])
        # Building the newspaper queued Wagtail's index jobs too.
        self.assertEqual(DBTaskResult.objects.filter(task_path=ALERT).count(), 1)
        run_due()
        (message,) = mail.outbox
        self.assertEqual(message.to, ["chief@example.org"])
        self.assertIn("مقال مفيد", message.body)

    @QUEUED
    def test_a_comment_moderated_before_the_worker_came_needs_no_alert(self):
        post(self.client, self.article)
        Comment.objects.update(status="approved")
        run_due()
        self.assertEqual(mail.outbox, [])

    def test_a_hung_mail_server_never_holds_a_comment_post(self):
        """#17: each pending comment waited 10 s on a wedged SMTP server."""
        with HungSMTP() as server, server.settings(EMAIL_TIMEOUT=30):
            started = time.monotonic()
            for n in range(3):
                response = post(self.client, self.article, body=f"تعليق رقم {n} هنا")
                self.assertIn(response.status_code, (200, 302))
            self.assertLess(time.monotonic() - started, 3)
        self.assertEqual(Comment.objects.count(), 3)
        waiting = DBTaskResult.objects.filter(task_path=ALERT, status=READY)
        self.assertEqual(waiting.count(), 3)


@IN_DATABASE
class DeliveryTests(TestCase):
    def test_real_delivery_to_an_smtp_server_on_loopback(self):
        with LoopbackSMTP() as server, server.settings():
            send_mail("مراجعة مطلوبة", "نص عربي طويل", "desk@example.org",
                      ["editor@example.org"])  # fmt: skip
            self.assertEqual(server.inbox.messages, [], "nothing before the worker")
            run_due()
            (message,) = server.inbox.wait_for(1)
        self.assertEqual(message["Subject"], "مراجعة مطلوبة")
        self.assertEqual(message.envelope_to, ["editor@example.org"])
        self.assertIn("نص عربي طويل", message.get_content())
        self.assertEqual(DBTaskResult.objects.get().status, SUCCESSFUL)

    def test_a_hung_server_costs_the_job_its_short_timeout_then_a_retry(self):
        with HungSMTP() as server, server.settings(EMAIL_TIMEOUT=1):
            send_mail("س", "ن", None, ["editor@example.org"])
            started = time.monotonic()
            run_due()
            took = time.monotonic() - started
        self.assertLess(took, 5)
        job = DBTaskResult.objects.get()
        self.assertEqual(job.status, READY)
        self.assertIn("timed out", job.traceback)
        self.assertEqual(len(job.worker_ids), 1)

    def test_mail_timeout_is_short_by_default(self):
        self.assertLessEqual(settings.EMAIL_TIMEOUT, 5)
