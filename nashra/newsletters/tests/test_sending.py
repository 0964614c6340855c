"""Editions: who gets them, what they carry, one-click unsubscribe (#19)."""

import re
from datetime import timedelta

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from nashra.comments.tests.helpers import newspaper_with_options
from nashra.newsletters.models import (
    Delivery,
    Edition,
    EditionStory,
    Status,
    Subscriber,
    Subscription,
)
from nashra.newsletters.sending import start, start_due
from nashra.newsletters.tests.helpers import OUTBOX, confirmed, make_lists, sent_to


def leave_link(message):
    return re.search(r"<http://localhost(/newsletter/unsubscribe/[^>]+)>",
                     message.extra_headers["List-Unsubscribe"])[1]  # fmt: skip


@OUTBOX
class EditionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.lists = make_lists()
        morning = cls.lists["morning"]
        confirmed("one@example.com", morning)
        confirmed("two@example.com", morning)
        confirmed("culture@example.com", cls.lists["culture"])
        waiting = Subscriber.objects.create(email="waiting@example.com")
        Subscription.objects.create(subscriber=waiting, newsletter=morning)
        gone = confirmed("bounced@example.com", morning)
        gone.suppressed_at = timezone.now()
        gone.save()

    def edition(self, **fields):
        fields = {"subject": "نشرة الصباح", "note": "صباح الخير", **fields}
        edition = Edition.objects.create(newsletter=self.lists["morning"], **fields)
        first, second = self.paper["articles"][:2]
        EditionStory.objects.create(edition=edition, article=second, sort_order=0)
        EditionStory.objects.create(edition=edition, article=first, sort_order=1)
        return edition

    def test_only_confirmed_unsuppressed_subscribers_of_the_list_get_it(self):
        edition = self.edition()
        with self.captureOnCommitCallbacks(execute=True):
            self.assertTrue(start(edition))
        self.assertEqual(sent_to(), ["one@example.com", "two@example.com"])
        edition.refresh_from_db()
        self.assertEqual(edition.status, Status.SENT)
        self.assertEqual(Delivery.objects.filter(sent_at__isnull=False).count(), 2)
        with self.captureOnCommitCallbacks(execute=True):
            self.assertFalse(start(edition), "a second click sends nothing")
        self.assertEqual(len(mail.outbox), 2)

    def test_every_message_has_rfc_8058_headers_and_a_visible_link(self):
        with self.captureOnCommitCallbacks(execute=True):
            start(self.edition())
        message = mail.outbox[0]
        self.assertEqual(
            message.extra_headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )
        link = leave_link(message)
        html = message.alternatives[0][0]
        self.assertIn(f'href="http://localhost{link}"', html)
        self.assertIn(link, message.body)
        self.assertIn('dir="rtl"', html)
        self.assertIn("صباح الخير", html)
        # The editor's order: the second article first.
        titles = [a.title for a in self.paper["articles"][:2]]
        self.assertLess(html.index(titles[1]), html.index(titles[0]))
        self.assertRegex(message.extra_headers["Message-ID"], r"^<edition-\d+\.\d+@")

    def test_a_long_note_goes_as_8bit_with_every_word_kept(self):
        """Quoted-printable Arabic cost more than the rest of a message."""
        note = " ".join(f"كلمة{i}" for i in range(600))
        with self.captureOnCommitCallbacks(execute=True):
            start(self.edition(note=note))
        parts = list(mail.outbox[0].message().walk())[1:]
        self.assertEqual({p["Content-Transfer-Encoding"] for p in parts}, {"8bit"})
        html = mail.outbox[0].alternatives[0][0]
        self.assertEqual(" ".join(html.split()).count("كلمة599"), 1)
        self.assertTrue(all(len(line.encode()) <= 998 for line in html.splitlines()))

    def test_one_click_unsubscribe_is_a_post_and_a_get_only_asks(self):
        """Link scanners GET every link; only the POST of RFC 8058 (or the
        reader's button) may unsubscribe, and no login is needed."""
        with self.captureOnCommitCallbacks(execute=True):
            start(self.edition())
        message = next(m for m in mail.outbox if m.to == ["one@example.com"])
        link = leave_link(message)
        subscriptions = Subscription.objects.filter(subscriber__email="one@example.com")
        page = self.client.get(link)
        self.assertContains(page, "<form")
        self.assertTrue(subscriptions.exists())
        response = self.client.post(link, {"List-Unsubscribe": "One-Click"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(subscriptions.exists())
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            start(self.edition(subject="غداً"))
        self.assertEqual(sent_to(), ["two@example.com"])

    def test_a_mangled_unsubscribe_link_is_a_400_not_a_500(self):
        for token in ("junk", "1.2:forged", "x" * 300):
            url = reverse("newsletters:unsubscribe", args=[token])
            self.assertEqual(self.client.post(url).status_code, 400)

    def test_scheduled_editions_go_when_their_time_comes(self):
        later = self.edition(send_at=timezone.now() + timedelta(hours=1))
        due = self.edition(send_at=timezone.now() - timedelta(minutes=1))
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(start_due(), 1)
        due.refresh_from_db()
        later.refresh_from_db()
        self.assertEqual((due.status, later.status), (Status.SENT, Status.DRAFT))


@OUTBOX
class BreakingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.lists = make_lists()
        confirmed("alert@example.com", cls.lists["breaking"])
        confirmed("morning@example.com", cls.lists["morning"])

    def test_the_breaking_switch_sends_one_alert_per_article(self):
        article = self.paper["articles"][0]
        article.breaking_until = timezone.now() + timedelta(hours=2)
        with self.captureOnCommitCallbacks(execute=True):
            article.save()
        self.assertEqual(sent_to(), ["alert@example.com"])
        self.assertEqual(mail.outbox[0].subject, article.title)
        self.assertIn(article.title, mail.outbox[0].alternatives[0][0])
        article.breaking_until = None
        article.save()
        article.breaking_until = timezone.now() + timedelta(hours=3)
        with self.captureOnCommitCallbacks(execute=True):
            article.save()
        self.assertEqual(len(mail.outbox), 1, "flipped again: no second alert")
