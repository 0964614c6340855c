"""A bounce or complaint posted by the e-mail service stops every edition (#19)."""

import base64
import json

from django.core import mail
from django.test import TestCase, override_settings

from nashra.comments.tests.helpers import newspaper_with_options
from nashra.newsletters.models import Edition, Subscriber
from nashra.newsletters.sending import start
from nashra.newsletters.tests.helpers import OUTBOX, confirmed, make_lists, sent_to

SECRET = "nashra-hook:not-a-real-password"
AUTH = "Basic " + base64.b64encode(SECRET.encode()).decode()

# Postmark's documented bounce and spam-complaint webhook bodies, trimmed.
BOUNCE = {
    "RecordType": "Bounce", "ID": 4323372036854775807, "Type": "HardBounce",
    "TypeCode": 1, "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
    "Email": "Bounced@Example.com", "BouncedAt": "2026-12-02T05:40:42Z",
    "Description": "The server was unable to deliver your message.",
    "Details": "smtp;550 5.1.1 user unknown", "Inactive": True,
}  # fmt: skip
COMPLAINT = {
    "RecordType": "SpamComplaint", "ID": 42, "Type": "SpamComplaint",
    "TypeCode": 512, "MessageID": "00000000-0000-0000-0000-000000000000",
    "Email": "angry@example.com", "BouncedAt": "2026-12-02T05:41:00Z",
}  # fmt: skip


@OUTBOX
@override_settings(
    ROOT_URLCONF="nashra.newsletters.tests.urls_with_webhooks",
    ANYMAIL={"WEBHOOK_SECRET": SECRET},
)
class WebhookTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        newspaper_with_options()
        cls.morning = make_lists()["morning"]
        for email in ("bounced@example.com", "angry@example.com", "fine@example.com"):
            confirmed(email, cls.morning)

    def post(self, payload, auth=AUTH):
        return self.client.post(
            "/anymail/postmark/tracking/", json.dumps(payload),
            content_type="application/json", HTTP_AUTHORIZATION=auth,
        )  # fmt: skip

    def test_a_hard_bounce_and_a_complaint_suppress_the_address(self):
        self.assertEqual(self.post(BOUNCE).status_code, 200)
        self.assertEqual(self.post(COMPLAINT).status_code, 200)
        bounced = Subscriber.objects.get(email="bounced@example.com")
        self.assertEqual(bounced.suppressed_reason, "Postmark: bounced")
        with self.captureOnCommitCallbacks(execute=True):
            start(Edition.objects.create(newsletter=self.morning, subject="عدد"))
        self.assertEqual(sent_to(), ["fine@example.com"])

    def test_a_soft_bounce_suppresses_nothing(self):
        self.post({**BOUNCE, "Type": "Transient", "TypeCode": 2})
        self.assertFalse(Subscriber.objects.filter(suppressed_at__isnull=False))

    def test_a_webhook_without_the_secret_changes_nothing(self):
        """Anyone could post a forged bounce to unsubscribe a reader."""
        response = self.post(BOUNCE, auth="Basic " + base64.b64encode(b"x:y").decode())
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Subscriber.objects.filter(suppressed_at__isnull=False))
        self.assertEqual(mail.outbox, [])
