"""The front page's section blocks, read per section from the index (#8).

They must list what ranking every article of the section would list: the
newest few, ties broken by id, never a draft, a scheduled or a private article,
nor the lead story twice.
"""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage
from nashra.core.tests.factories import ensure_home
from nashra.home.front import PER_SECTION, front_page, newest_per_section
from nashra.sections.factories import create_section
from nashra.sections.queries import public_sections_under


def expected(section, lead=None, count=PER_SECTION):
    """The reference answer: every published article of the section, sorted here."""
    rows = ArticlePage.objects.published().filter(section=section)
    if lead is not None:
        rows = rows.exclude(pk=lead.pk)
    rows = sorted(rows, key=lambda a: (a.published_at, a.pk), reverse=True)
    return [article.pk for article in rows[:count]]


class FrontSectionBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = ensure_home()
        cls.home = home
        cls.world = create_section(home, "أخبار العالم", "world")
        cls.culture = create_section(home, "ثقافة وفنون", "ثقافة")
        cls.private = create_section(home, "خاص بالمحررين", "خاص")
        cls.regional = create_section(cls.world, "الشرق الأوسط", "الشرق-الأوسط")
        moment = timezone.now() - timedelta(hours=1)
        for section in (cls.world, cls.culture, cls.private, cls.regional):
            for n in range(7):
                # Pairs share a timestamp: ties are broken by id, newest id first.
                create_article(
                    section,
                    f"{section.title} {n}",
                    published_at=moment - timedelta(minutes=n // 2),
                )
        # Newer than everything, yet none of these may appear.
        create_article(cls.world, "مسودة", publish=False)
        scheduled = create_article(cls.culture, "مجدول", publish=False)
        scheduled.go_live_at = timezone.now() + timedelta(days=1)
        scheduled.save_revision().publish()
        unpublished = create_article(cls.world, "سحب من النشر")
        unpublished.unpublish()
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.LOGIN
        )

    def test_each_section_block_lists_its_newest_articles(self):
        blocks = front_page(self.home)
        lead = blocks["lead"]
        shown = {
            block["section"].pk: [article.pk for article in block["articles"]]
            for block in blocks["front_blocks"]
            if block["kind"] == "section"
        }
        self.assertEqual(shown[self.world.pk], expected(self.world, lead))
        self.assertEqual(shown[self.culture.pk], expected(self.culture, lead))
        self.assertNotIn(self.private.pk, shown)

    def test_counts_per_section_and_sections_without_articles(self):
        empty = create_section(self.home, "قسم فارغ", "فارغ")
        published = ArticlePage.objects.published()
        wanted = {self.world.pk: 2, self.regional.pk: 5, empty.pk: 3}
        with CaptureQueriesContext(connection) as queries:
            found = list(newest_per_section(published, wanted).newest_first())
        self.assertEqual(len(queries), 1)
        by_section = {}
        for article in found:
            by_section.setdefault(article.section_id, []).append(article.pk)
        self.assertEqual(by_section[self.world.pk], expected(self.world, count=2))
        self.assertEqual(by_section[self.regional.pk], expected(self.regional, count=5))
        self.assertNotIn(empty.pk, by_section)

    def test_public_sections_at_any_depth_arabic_slugs_included(self):
        slugs = {section.slug for section in public_sections_under(self.home)}
        self.assertEqual(slugs, {"world", "ثقافة", "الشرق-الأوسط"})
        self.assertEqual(
            {s.slug for s in public_sections_under(self.world)}, {"الشرق-الأوسط"}
        )
