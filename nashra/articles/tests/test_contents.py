"""The table of contents of a long piece, linked to its sub-headings (#20)."""

import re

from django.test import TestCase

from nashra.articles.factories import create_article, paragraph
from nashra.core.tests.factories import build_newspaper


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def contents_of(html):
    found = re.search(r'<nav class="contents".*?</nav>', html, re.DOTALL)
    return found.group(0) if found else None


class ContentsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        paper = build_newspaper(articles_per_section=0, tags=())
        world = paper["world"]
        cls.long = create_article(world, "تقرير مطول", body=[
            paragraph("مقدمة"), heading("الخلفية"), paragraph("نص"),
            heading("ما الذي حدث؟"), heading("في الميدان", "h3"),
            heading("ملاحظة صغرى", "h4"), heading("الخلفية"),
        ])  # fmt: skip
        cls.short = create_article(world, "خبر قصير", body=[
            paragraph("نص"), heading("الخلفية"), heading("التفاصيل"),
        ])  # fmt: skip

    def test_long_piece_lists_h2_and_h3_headings_linked_to_their_ids(self):
        html = self.client.get(self.long.url).content.decode()
        contents = contents_of(html)
        self.assertIn("محتويات المقال", contents)
        links = re.findall(r'href="#([^"]+)">(?:<bdi>)?([^<]+)', contents)
        self.assertEqual(
            [anchor for anchor, _ in links],
            ["الخلفية", "ما-الذي-حدث", "في-الميدان", "الخلفية-2"],
        )
        self.assertNotIn("ملاحظة صغرى", contents)
        for anchor, _ in links:
            self.assertEqual(html.count(f'id="{anchor}"'), 1, anchor)
        self.assertIn('<h3 class="body-heading" id="في-الميدان">', html)
        self.assertNotIn("<script", contents)

    def test_ids_are_the_same_on_every_render(self):
        first = self.client.get(self.long.url).content.decode()
        again = self.client.get(self.long.url).content.decode()
        self.assertEqual(contents_of(first), contents_of(again))

    def test_fewer_than_three_sub_headings_show_no_list(self):
        html = self.client.get(self.short.url).content.decode()
        self.assertIsNone(contents_of(html))
        self.assertNotIn("محتويات المقال", html)
