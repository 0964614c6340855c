"""Opting in: the POST, its refusals, the worker, the button (#19)."""

import json
import re
from unittest import mock

from django.test import TestCase
from django.urls import reverse

from nashra.core.tests.factories import build_newspaper
from nashra.push.keys import public_key
from nashra.push.models import PushSubscription
from nashra.push.tests.push_service import Browser

ENDPOINT = "https://push.example.net/send/abc"


class OptInTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)

    def body(self, **overrides):
        fields = Browser(ENDPOINT).fields()
        data = {
            "endpoint": fields["endpoint"],
            "keys": {"p256dh": fields["p256dh"], "auth": fields["auth"]},
            "breaking": True,
            "sections": [self.paper["culture"].pk],
            **overrides,
        }
        return json.dumps(data)

    def post(self, body):
        return self.client.post(
            reverse("push:subscribe"), body, content_type="application/json"
        )

    def test_a_browser_subscribes_to_breaking_news_and_a_section(self):
        response = self.post(self.body())
        self.assertEqual(response.status_code, 201)
        row = PushSubscription.objects.get()
        self.assertEqual((row.endpoint, row.breaking), (ENDPOINT, True))
        self.assertEqual(list(row.sections.all()), [self.paper["culture"]])
        again = self.post(self.body(breaking=False))
        self.assertEqual(again.status_code, 201)
        self.assertFalse(
            PushSubscription.objects.get().breaking, "updated, not doubled"
        )

    def test_bad_bodies_are_refused_with_400_in_arabic(self):
        bad = [
            "not json",
            json.dumps([1]),
            self.body(endpoint="http://127.0.0.1:6379/"),
            self.body(endpoint="file:///etc/passwd"),
            self.body(keys={"p256dh": "short", "auth": "AAAA"}),
            self.body(breaking=False, sections=[]),
            self.body(sections=[self.paper["articles"][0].pk]),
            self.body(sections=["1"]),
            self.body(breaking="yes"),
            "x" * 5000,
        ]
        for body in bad:
            with self.subTest(body=body[:40]):
                response = self.post(body)
                self.assertEqual(response.status_code, 400)
                self.assertRegex(response.json()["message"], "[\u0600-\u06ff]")
        self.assertFalse(PushSubscription.objects.exists())

    def test_a_network_registering_browsers_by_the_dozen_is_refused(self):
        """Each subscription is a row and a push per alert: a script must not
        be able to add endpoints without end (five a minute per network)."""
        with mock.patch("nashra.push.views.time.time", return_value=6_000_000.0):
            self.registers_five_then_is_refused()

    def registers_five_then_is_refused(self):
        for n in range(5):
            self.assertEqual(
                self.post(self.body(endpoint=f"{ENDPOINT}{n}")).status_code, 201
            )
        refused = self.post(self.body(endpoint=f"{ENDPOINT}many"))
        self.assertEqual(refused.status_code, 429)
        self.assertIn("دقيقة", refused.json()["message"])
        self.assertEqual(PushSubscription.objects.count(), 5)

    def test_unsubscribe_removes_the_browser(self):
        self.post(self.body())
        response = self.client.post(
            reverse("push:unsubscribe"), ENDPOINT, content_type="text/plain"
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PushSubscription.objects.exists())

    def test_the_worker_is_served_at_the_root_and_opens_the_article(self):
        response = self.client.get("/push-sw.js")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/javascript"))
        text = response.content.decode()
        self.assertIn("showNotification", text)
        self.assertIn("openWindow(event.notification.data.url)", text)

    def test_the_newsletter_page_offers_a_button_and_never_prompts_on_arrival(self):
        response = self.client.get(reverse("newsletters:page"))
        html = response.content.decode()
        self.assertIn(f'data-key="{public_key()}"', html)
        self.assertIn(f'value="{self.paper["culture"].pk}"', html)
        script = re.search(r'<script type="module" src="([^"]+push/optin\.js)"', html)
        self.assertIsNotNone(script, "the page script is a static file: CSP allows it")
        self.assertNotRegex(html, r"<script>[^<]*Notification")
        js = (
            __import__("pathlib").Path(__file__).parents[1] / "static/push/optin.js"
        ).read_text()
        # requestPermission is called from the submit handler only.
        handler = js.split("async function turnOn", 1)[1].split("\n}\n", 1)[0]
        self.assertIn("Notification.requestPermission()", handler)
        self.assertEqual(js.count("requestPermission"), 1)
