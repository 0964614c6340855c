"""Next and previous article in the section, under an article (#20)."""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.articles.neighbours import neighbours
from nashra.core.privacy import private_paths
from nashra.core.tests.factories import build_newspaper


class NeighbourTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        paper = build_newspaper(articles_per_section=0, tags=())
        cls.world, cls.culture = paper["world"], paper["culture"]
        now = timezone.now()

        def at(hours, title, section=None, **fields):
            return create_article(
                section or cls.world, title,
                published_at=now - timedelta(hours=hours), **fields,
            )  # fmt: skip

        cls.oldest = at(5, "الأقدم")
        cls.middle = at(3, "الأوسط")
        cls.newest = at(1, "الأحدث")
        # Between them by date, but never neighbours: another section, a
        # draft, and an article dated in the future.
        at(4, "ثقافة", section=cls.culture)
        create_article(cls.world, "مسودة", publish=False)
        at(-2, "مقال الغد")

    def test_older_and_newer_of_the_section(self):
        older, newer = neighbours(self.middle)
        self.assertEqual((older.pk, newer.pk), (self.oldest.pk, self.newest.pk))

    def test_none_at_the_ends(self):
        self.assertEqual(neighbours(self.oldest)[0], None)
        self.assertEqual(neighbours(self.oldest)[1].pk, self.middle.pk)
        self.assertEqual(neighbours(self.newest)[0].pk, self.middle.pk)
        self.assertEqual(neighbours(self.newest)[1], None)

    def test_two_queries(self):
        private_paths()  # cached for the whole site, read once
        with CaptureQueriesContext(connection) as queries:
            neighbours(self.middle)
        self.assertEqual(len(queries), 2)

    def test_article_page_links_both_in_arabic(self):
        page = self.client.get(self.middle.url).content.decode()
        html = page.split('class="neighbours"', 1)[1].split("</nav>", 1)[0]
        self.assertIn("المقال السابق", html)
        self.assertIn("المقال التالي", html)
        self.assertIn(f'href="{self.oldest.url}"', html)
        self.assertIn(f'href="{self.newest.url}"', html)
        self.assertNotIn("مسودة", html)
        self.assertNotIn("مقال الغد", html)

    def test_a_publish_in_the_section_refreshes_the_links(self):
        self.client.get(self.newest.url)  # cached without a newer one
        later = create_article(self.world, "خبر عاجل جديد")
        html = self.client.get(self.newest.url).content.decode()
        self.assertIn(f'href="{later.url}"', html)
