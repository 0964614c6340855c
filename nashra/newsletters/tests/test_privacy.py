"""Subscribers can get their data and have it erased, like commenters (#19)."""

import json
from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from nashra.comments.tests.helpers import newspaper_with_options
from nashra.newsletters.models import Delivery, Edition, Subscriber, Subscription
from nashra.newsletters.sending import start
from nashra.newsletters.tests.helpers import OUTBOX, confirmed, make_lists


@OUTBOX
class PrivacyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        newspaper_with_options()
        lists = make_lists()
        confirmed("Mona@Example.com", lists["morning"], lists["breaking"])
        confirmed("other@example.com", lists["morning"])
        cls.morning = lists["morning"]

    def run_command(self, *args):
        out = StringIO()
        call_command("newsletters", *args, stdout=out)
        return out.getvalue()

    def test_export_names_the_lists_and_what_was_sent(self):
        with self.captureOnCommitCallbacks(execute=True):
            start(Edition.objects.create(newsletter=self.morning, subject="عدد"))
        (found,) = json.loads(self.run_command("export", "mona@example.com"))
        self.assertEqual(found["email"], "Mona@Example.com")
        self.assertEqual(
            sorted(n["name"] for n in found["newsletters"]),
            ["الأخبار العاجلة", "نشرة الصباح"],
        )
        self.assertEqual(found["editions_sent"], 1)

    def test_erase_removes_the_address_its_lists_and_its_ledger_rows(self):
        with self.captureOnCommitCallbacks(execute=True):
            start(Edition.objects.create(newsletter=self.morning, subject="عدد"))
        self.assertIn(
            "erased 1", self.run_command("erase", "MONA@example.com", "--yes")
        )
        self.assertEqual(list(Subscriber.objects.values_list("email", flat=True)),
                         ["other@example.com"])  # fmt: skip
        self.assertEqual(Subscription.objects.count(), 1)
        self.assertEqual(Delivery.objects.count(), 1)
