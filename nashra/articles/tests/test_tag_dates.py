"""Tag links carry their article's live date, for related stories (#8)."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.articles.models import ArticleTag
from nashra.articles.related import related
from nashra.core.tests.factories import build_newspaper


def link_dates(article):
    return set(
        ArticleTag.objects.filter(content_object=article).values_list(
            "published_at", flat=True
        )
    )


class TagLinkDateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1, tags=())
        cls.when = timezone.now() - timedelta(days=2)
        cls.article = create_article(
            cls.paper["world"],
            "قمة المناخ",
            tags=["مناخ", "بيئة"],
            published_at=cls.when,
        )

    def test_publishing_dates_every_link(self):
        self.assertEqual(link_dates(self.article), {self.when})

    def test_a_draft_has_undated_links(self):
        """A draft must never be offered as a related story."""
        draft = create_article(
            self.paper["world"], "مسودة", tags=["مناخ"], publish=False
        )
        self.assertEqual(link_dates(draft), {None})

    def test_unpublishing_clears_the_dates(self):
        """An unpublished story must vanish from related blocks at once."""
        self.article.unpublish()
        self.assertEqual(link_dates(self.article), {None})
        self.assertNotIn(
            self.article.pk, [a.pk for a in related(self.paper["articles"][0])]
        )

    def test_editing_the_date_or_the_tags_follows(self):
        later = self.when + timedelta(hours=5)
        self.article.published_at = later
        self.article.tags.add("طاقة")
        self.article.save_revision().publish()
        self.assertEqual(link_dates(self.article), {later})
        self.assertEqual(
            ArticleTag.objects.filter(content_object=self.article).count(), 3
        )

    def test_a_draft_edit_keeps_the_live_dates(self):
        """Saving a draft revision leaves what readers see unchanged."""
        self.article.published_at = self.when + timedelta(days=1)
        self.article.save_revision()
        self.assertEqual(link_dates(self.article), {self.when})

    def test_related_by_tag_reads_the_link_dates(self):
        """A tag-mate in another section is found through the dated links."""
        mate = create_article(self.paper["culture"], "مؤتمر البيئة", tags=["بيئة"])
        self.assertIn(mate.pk, [a.pk for a in related(self.article)])
        mate.unpublish()
        self.assertNotIn(mate.pk, [a.pk for a in related(self.article)])

    def test_private_tag_mates_are_not_related(self):
        from wagtail.models import PageViewRestriction

        mate = create_article(self.paper["culture"], "سري", tags=["بيئة"])
        PageViewRestriction.objects.create(
            page=mate, restriction_type="password", password="x"
        )
        self.assertNotIn(mate.pk, [a.pk for a in related(self.article)])
