"""One author box per byline name under an article (#20)."""

import re
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nashra.articles.bylines import author_boxes
from nashra.articles.factories import create_article, create_author
from nashra.core.privacy import private_paths
from nashra.core.tests.factories import build_newspaper


def boxes_of(html):
    return re.findall(r'<aside class="author-box".*?</aside>', html, re.DOTALL)


class AuthorBoxTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        paper = build_newspaper(articles_per_section=0, tags=())
        cls.world, cls.culture = paper["world"], paper["culture"]
        cls.salma = paper["author"]
        cls.salma.bio = "مراسلة الشؤون الدولية منذ عشر سنوات."
        cls.salma.photo = paper["image"]
        cls.salma.x = "https://x.com/salma"
        cls.salma.website = "https://salma.example/"
        cls.salma.save()
        cls.omar = create_author("عمر الخطيب", "omar", bio="محرر الثقافة.")
        cls.others = [create_author(f"كاتب {n}", f"writer-{n}") for n in range(3)]
        now = timezone.now()

        def piece(title, hours, authors, section=None, **fields):
            return create_article(
                section or cls.world, title, authors=authors,
                published_at=now - timedelta(hours=hours), **fields,
            )  # fmt: skip

        cls.salma_pieces = [
            piece(f"مقال سلمى {n}", n, [cls.salma]) for n in range(1, 5)
        ]
        cls.omar_piece = piece("مقال عمر", 2, [cls.omar], section=cls.culture)
        create_article(cls.world, "مسودة سلمى", authors=[cls.salma], publish=False)
        cls.article = piece("تحقيق مشترك", 0.5, [cls.salma, cls.omar])
        cls.crowded = piece("مقال جماعي", 0.7, [cls.salma, cls.omar, *cls.others])

    def test_one_box_per_author_with_photo_bio_and_links(self):
        html = self.client.get(self.article.url).content.decode()
        salma, omar = boxes_of(html)
        self.assertIn("سلمى الحداد", salma)
        self.assertIn("مراسلة الشؤون الدولية", salma)
        self.assertRegex(salma, r'<img[^>]+class="author-box__photo"[^>]+width="\d+"')
        self.assertIn('href="https://x.com/salma"', salma)
        self.assertIn('href="https://salma.example/"', salma)
        self.assertIn("عمر الخطيب", omar)
        self.assertNotIn("author-box__photo", omar)
        for box in (salma, omar):
            self.assertNotIn("<script", box)
            self.assertNotIn("<iframe", box)

    def test_latest_three_published_pieces_newest_first(self):
        html = self.client.get(self.article.url).content.decode()
        salma, omar = boxes_of(html)
        latest = salma.split("author-box__latest", 1)[1]
        links = re.findall(r'<li><a href="([^"]+)">', latest)
        expected = [self.crowded, *self.salma_pieces[:2]]
        self.assertEqual(links, [article.url for article in expected])
        self.assertNotIn("مسودة سلمى", salma)
        self.assertNotIn("تحقيق مشترك", salma)  # never the article itself
        self.assertIn("مقال عمر", omar)

    def test_queries_do_not_grow_with_the_number_of_authors(self):
        private_paths()

        def count(article):
            authors = [link.author for link in article.article_authors.all()]
            with CaptureQueriesContext(connection) as queries:
                author_boxes(article, authors)
            return len(queries)

        self.assertEqual(count(self.article), count(self.crowded))
        self.assertLessEqual(count(self.crowded), 4)

        def uncached(article):
            # Site-wide caches warmed by another page; this one's left cold.
            cache.clear()
            self.client.get(self.omar_piece.url)
            with CaptureQueriesContext(connection) as queries:
                html = self.client.get(article.url).content.decode()
            return len(queries), len(boxes_of(html))

        uncached(self.article)  # writes the photo's rendition, once
        self.assertEqual(uncached(self.article)[0], uncached(self.crowded)[0])
        self.assertEqual(uncached(self.crowded)[1], 5)

    def test_a_new_piece_by_the_author_refreshes_the_box(self):
        self.client.get(self.article.url)
        later = create_article(self.culture, "مقال عمر الجديد", authors=[self.omar])
        html = self.client.get(self.article.url).content.decode()
        self.assertIn(f'href="{later.url}"', boxes_of(html)[1])

    def test_an_article_without_byline_has_no_box(self):
        lone = create_article(self.world, "خبر بلا كاتب")
        html = self.client.get(lone.url).content.decode()
        self.assertNotIn("author-box", html)
