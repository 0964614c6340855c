"""Double opt-in and the comments' defences on the subscribe form (#19)."""

import re

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from nashra.comments.tests.helpers import newspaper_with_options, set_options
from nashra.newsletters.models import Subscriber, Subscription
from nashra.newsletters.tests.helpers import make_lists

READER = "203.0.113.9"


def subscribe(client, email="huda@example.com", ip=READER, **extra):
    data = {"email": email, "homepage": "", **extra}
    return client.post(reverse("newsletters:post"), data, REMOTE_ADDR=ip)


def confirm_link(message):
    return re.search(r"http://localhost(/newsletter/confirm/[^/\s]+/)", message.body)[1]


class DoubleOptInTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.lists = make_lists()

    def test_nothing_but_the_confirmation_until_the_link_is_clicked(self):
        """A stranger's address typed into the form must not start a mailing."""
        response = subscribe(self.client)
        self.assertRedirects(response, reverse("newsletters:page") + "?sent=1")
        self.assertEqual(len(mail.outbox), 1)
        (message,) = mail.outbox
        self.assertEqual(message.to, ["huda@example.com"])
        self.assertIn("نشرة الصباح", message.body)
        self.assertNotIn("أسبوع الثقافة", message.body, "not on the article form")
        pending = Subscription.objects.get(newsletter=self.lists["morning"])
        self.assertIsNone(pending.confirmed_at)
        link = confirm_link(message)
        # A scanner opening the link confirms nothing: only the button does.
        page = self.client.get(link)
        self.assertContains(page, "<form", status_code=200)
        pending.refresh_from_db()
        self.assertIsNone(pending.confirmed_at)
        self.client.post(link)
        pending.refresh_from_db()
        self.assertIsNotNone(pending.confirmed_at)
        self.assertIsNotNone(Subscriber.objects.get().confirmed_at)

    def test_chosen_lists_on_the_newsletter_page(self):
        culture = self.lists["culture"]
        subscribe(self.client, lists=[str(culture.pk)])
        self.assertEqual(
            list(Subscription.objects.values_list("newsletter", flat=True)),
            [culture.pk],
        )

    def test_the_page_lists_every_active_newsletter_in_arabic(self):
        page = self.client.get(reverse("newsletters:page"))
        for newsletter in self.lists.values():
            self.assertContains(page, newsletter.name)
        self.assertContains(page, "اشترك")
        self.assertIn("no-cache", page["Cache-Control"])

    def test_the_answer_is_the_same_for_a_known_address(self):
        """The form must not tell anyone who already subscribes."""
        first = subscribe(self.client, ip="203.0.113.1")
        mail.outbox.clear()
        again = subscribe(self.client, ip="203.0.113.2")
        self.assertEqual(first.status_code, again.status_code)
        self.assertEqual(first["Location"], again["Location"])
        self.assertEqual(mail.outbox, [], "one confirmation per address per window")

    def test_a_forged_or_mangled_confirmation_link_is_an_arabic_400(self):
        subscribe(self.client)
        link = confirm_link(mail.outbox[0])
        for bad in (link[:-5] + "xxxx/", "/newsletter/confirm/junk/"):
            response = self.client.post(bad)
            self.assertContains(response, "هذا الرابط", status_code=400)
        self.assertFalse(Subscription.objects.filter(confirmed_at__isnull=False))


class DefenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.lists = make_lists()

    def test_flood_window_of_the_comments_applies(self):
        set_options(flood_seconds=60)
        subscribe(self.client, "a@example.com")
        response = subscribe(self.client, "b@example.com")
        self.assertContains(response, "بسرعة", status_code=429)
        self.assertEqual(Subscriber.objects.count(), 1)

    def test_the_honeypot_refuses_bots(self):
        response = subscribe(self.client, homepage="http://spam.example")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Subscriber.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_block_list_addresses_get_nothing_and_learn_nothing(self):
        set_options(block_list="bad@example.com\n198.51.100.66")
        ok = subscribe(self.client, "bad@example.com")
        by_ip = subscribe(self.client, "fine@example.com", ip="198.51.100.66")
        self.assertEqual(ok.status_code, 302)
        self.assertEqual(by_ip.status_code, 302)
        self.assertEqual(mail.outbox, [])

    def test_bad_input_is_never_a_500(self):
        cases = [
            {"email": "not an address"},
            {"email": "x@example.com", "lists": ["abc"]},
            {"email": "x@example.com", "lists": ["999999999999999999999"]},
            {"email": "a\u200b@example.com"},
            {"email": "x" * 300 + "@example.com"},
            {},
        ]
        for data in cases:
            response = self.client.post(
                reverse("newsletters:post"), data, REMOTE_ADDR=READER
            )
            self.assertEqual(response.status_code, 422, data)
            self.assertContains(response, 'role="alert"', status_code=422)
        self.assertEqual(self.client.get(reverse("newsletters:post")).status_code, 405)
        huge = self.client.post(
            reverse("newsletters:post"), {"email": "x@example.com", "pad": "x" * 30000}
        )
        self.assertEqual(huge.status_code, 400)

    def test_the_address_is_never_on_a_public_page(self):
        subscribe(self.client)
        link = confirm_link(mail.outbox[0])
        for url in (reverse("newsletters:page"), link, self.paper["articles"][0].url):
            self.assertNotContains(self.client.get(url), "huda@example.com")


class ArticleFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()

    def test_the_article_page_carries_the_short_form(self):
        page = self.client.get(self.paper["articles"][0].url)
        self.assertContains(page, f'action="{reverse("newsletters:post")}"')
        self.assertContains(page, "الأخبار في بريدك")
