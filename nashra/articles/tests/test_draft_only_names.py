"""A tag or author only drafts use is not public yet (#17).

Its page answered 200 with the name: a crawl learnt the subject of a story
and the name of a source before the newsroom published either.
"""

from django.test import TestCase
from django.urls import reverse

from nashra.articles.factories import create_article, create_author
from nashra.core.tests.factories import build_newspaper


class DraftOnlyNamesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.source = create_author("مصدر سري للغاية", "secret-source")
        cls.draft = create_article(
            cls.paper["world"],
            "تحقيق لم ينشر",
            slug="تحقيق-لم-ينشر",
            authors=[cls.source],
            tags=["صفقة-سرية"],
            publish=False,
        )

    def test_a_tag_only_drafts_carry_is_a_404_without_its_name(self):
        response = self.client.get(reverse("articles:tag", args=["صفقة-سرية"]))
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "صفقة", status_code=404)

    def test_an_author_only_drafts_name_is_a_404_without_the_name(self):
        response = self.client.get(reverse("articles:author", args=["secret-source"]))
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "مصدر سري", status_code=404)

    def test_once_published_both_answer(self):
        self.draft.save_revision().publish()
        for url in (
            reverse("articles:tag", args=["صفقة-سرية"]),
            reverse("articles:author", args=["secret-source"]),
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_tags_of_live_articles_still_answer(self):
        self.assertEqual(
            self.client.get(reverse("articles:tag", args=["روسيا"])).status_code, 200
        )
