"""The breaking switch notifies subscribed browsers through a push service (#19)."""

import json
from datetime import timedelta

import http_ece
from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import timezone

from nashra.core.tests.factories import build_newspaper
from nashra.push.keys import public_key
from nashra.push.models import PushAlert, PushSubscription
from nashra.push.sending import send_batch
from nashra.push.tests.push_service import Browser, PushService


@override_settings(NASHRA_PUSH_BATCH=2)
class BreakingPushTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.service = PushService().__enter__()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.service.__exit__()

    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        base = cls.service.origin
        cls.browsers = {
            name: Browser(f"{base}/{name}/")
            for name in ("breaking", "section", "gone", "broken", "other-section")
        }
        make = PushSubscription.objects.create
        make(**cls.browsers["breaking"].fields(), breaking=True)
        make(**cls.browsers["gone"].fields(), breaking=True)
        make(**cls.browsers["broken"].fields(), breaking=True)
        make(**cls.browsers["section"].fields(), breaking=False).sections.set(
            [cls.paper["world"]]
        )
        make(**cls.browsers["other-section"].fields(), breaking=False).sections.set(
            [cls.paper["culture"]]
        )

    def setUp(self):
        self.service.received.clear()

    def flip_on(self, article, hours=2):
        article.breaking_until = timezone.now() + timedelta(hours=hours)
        with self.captureOnCommitCallbacks(execute=True):
            article.save()

    def world_article(self):
        world = self.paper["world"]
        return next(a for a in self.paper["articles"] if a.section_id == world.pk)

    def test_the_switch_sends_a_signed_encrypted_notification_opening_the_article(self):
        article = self.world_article()
        self.flip_on(article)
        got = {push["path"]: push for push in self.service.received}
        self.assertEqual(sorted(got), ["/breaking/", "/broken/", "/gone/", "/section/"])
        push = got["/breaking/"]
        self.assertEqual(push["encoding"], "aes128gcm")
        self.assertEqual(push["key"], public_key())
        self.assertEqual(push["claims"]["sub"], settings.VAPID_SUBJECT)
        self.assertGreater(push["claims"]["exp"], timezone.now().timestamp())
        browser = self.browsers["breaking"]
        plain = http_ece.decrypt(
            push["body"], private_key=browser.key, auth_secret=browser.secret,
            version="aes128gcm",
        )  # fmt: skip
        data = json.loads(plain)
        self.assertEqual(data["title"], article.title)
        self.assertEqual(data["url"], article.full_url)

    def test_a_410_removes_the_subscription_and_a_500_does_not(self):
        self.flip_on(self.world_article())
        left = set(PushSubscription.objects.values_list("endpoint", flat=True))
        everyone = {browser.endpoint for browser in self.browsers.values()}
        self.assertEqual(left, everyone - {self.browsers["gone"].endpoint})

    def test_batches_report_what_happened(self):
        alert = PushAlert.objects.create(article=self.world_article())
        first, last = PushSubscription.objects.order_by("id")[::4]
        result = send_batch.call(alert.pk, first.pk, last.pk)
        self.assertEqual(result, {"sent": 2, "gone": 1, "failed": 1})

    def test_one_notification_per_article_however_often_the_switch_flips(self):
        article = self.world_article()
        self.flip_on(article)
        count = len(self.service.received)
        article.breaking_until = None
        article.save()
        self.flip_on(article, hours=3)
        self.assertEqual(len(self.service.received), count)
        self.assertEqual(PushAlert.objects.filter(article=article).count(), 1)
