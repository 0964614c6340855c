"""Related articles: the newest sharing a tag or the section, bounded work (#4, #8)."""

from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.articles.related import related
from nashra.core.tests.factories import build_newspaper


class RelatedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        paper = build_newspaper(articles_per_section=1, tags=())
        cls.world, cls.culture = paper["world"], paper["culture"]
        now = timezone.now()
        cls.article = create_article(cls.world, "قمة المناخ", tags=["مناخ"])
        # Newer same-section stories, then a tag-mate in another section that is
        # newer than all of them: ranking is by date across both kinds.
        cls.section_mates = [
            create_article(
                cls.world,
                f"خبر دولي {n}",
                published_at=now - timezone.timedelta(hours=n),
            )
            for n in range(1, 6)
        ]
        cls.tag_mate = create_article(
            cls.culture, "مهرجان عن المناخ", tags=["مناخ"],
            published_at=now - timezone.timedelta(minutes=5),
        )  # fmt: skip
        cls.unrelated = create_article(cls.culture, "معرض الكتاب")

    def tag_ids(self):
        return list(self.article.tags.values_list("pk", flat=True))

    def test_newest_four_across_section_and_tag(self):
        """A newer tag-mate from another section outranks older section stories."""
        from nashra.articles.models import ArticlePage

        found = [a.pk for a in related(self.article, self.tag_ids())]
        candidates = ArticlePage.objects.filter(section=self.world).exclude(
            pk=self.article.pk
        )
        expected = sorted(
            [*candidates, self.tag_mate],
            key=lambda a: (a.published_at, a.pk),
            reverse=True,
        )[:4]
        self.assertIn(self.tag_mate.pk, found)
        self.assertEqual(found, [a.pk for a in expected])

    def test_never_the_article_itself_nor_unrelated_stories(self):
        found = {a.pk for a in related(self.article, self.tag_ids(), limit=20)}
        self.assertNotIn(self.article.pk, found)
        self.assertNotIn(self.unrelated.pk, found)
        self.assertIn(self.tag_mate.pk, found)

    def test_an_article_without_tags_or_section_has_none(self):
        """No tag and no section: nothing shared, and no crash on empty IN."""
        self.article.section_id = None
        self.assertEqual(related(self.article, []), [])
