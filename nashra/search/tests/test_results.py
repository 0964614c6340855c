"""SearchResults as Django's Paginator sees it: slices, counts, stale ids (#5)."""

from datetime import timedelta
from unittest import mock

from django.core.paginator import Paginator
from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article, paragraph
from nashra.search.backends import base
from nashra.search.results import find
from nashra.search.tests.helpers import build_archive


class Results(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()
        now = timezone.now()
        cls.briefs = [
            create_article(
                cls.archive["world"],
                f"نشرة موجزة {n}",
                body=[paragraph("موجز")],
                published_at=now - timedelta(hours=n + 1),
            )  # fmt: skip
            for n in range(7)
        ]

    def test_slices_page_through_in_order(self):
        results = find("موجز", order="newest")
        self.assertEqual(len(results), 7)
        pages = [results[0:3], results[3:6], results[6:9]]
        titles = [hit.page.title for page in pages for hit in page]
        self.assertEqual(titles, [page.title for page in self.briefs])

    def test_an_index_is_one_hit(self):
        results = find("موجز", order="newest")
        self.assertEqual(results[2].page.pk, self.briefs[2].pk)

    def test_the_paginator_counts_once_and_serves_the_last_page(self):
        results = find("موجز", order="newest")
        paginator = Paginator(results, 3)
        self.assertEqual(paginator.num_pages, 3)
        self.assertEqual(len(paginator.page(3).object_list), 1)
        with self.assertNumQueries(0):
            self.assertEqual(results.count(), 7)

    def test_the_count_stops_at_the_cap(self):
        with mock.patch.object(base, "MAX_COUNT", 4):
            self.assertEqual(find("موجز").count(), 4)

    def test_a_deleted_article_leaves_a_short_page_not_an_error(self):
        results = find("موجز", order="newest")
        ids = results.ids(limit=3)
        type(self.briefs[0]).objects.filter(pk=self.briefs[0].pk).update(live=False)
        hits = results[0:3]
        self.assertEqual(len(ids), 3)
        self.assertEqual([hit.page.pk for hit in hits], ids[1:])

    def test_titles_are_highlighted_as_written(self):
        (hit,) = find("الخارجيه يزور")[0:1]
        marked = [text for text, is_match in hit.title if is_match]
        self.assertEqual(marked, ["الخارجيّة", "يزور"])

    def test_an_empty_query_finds_nothing(self):
        self.assertEqual(find("   ").count(), 0)
        self.assertEqual(find("!!!")[0:10], [])
