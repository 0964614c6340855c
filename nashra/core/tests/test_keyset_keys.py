"""Keyset pages read from narrow keys (a tag's links) list what OFFSET lists (#8)."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.test import RequestFactory, TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage, Tag
from nashra.articles.queries import live_tag_links
from nashra.core.keyset import Keys, paginate_newest
from nashra.core.tests.factories import ensure_home
from nashra.sections.factories import create_section


def ask(page):
    return RequestFactory().get("/", {"page": page})


class TagKeysTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = ensure_home()
        cls.sections = [create_section(home, "منوعات", "منوعات"),
                        create_section(home, "رياضة", "sport")]  # fmt: skip
        moment = timezone.now()
        cls.made = [
            # Pairs share a timestamp: ties must be broken by pk, not lost.
            create_article(
                cls.sections[n % 2],
                f"مقال رقم {n}",
                tags=["مناخ"] if n != 4 else [],
                published_at=moment - timedelta(hours=n // 2),
            )  # fmt: skip
            for n in range(11)
        ]
        cls.tag = Tag.objects.get(name="مناخ")

    def listing(self):
        return ArticlePage.objects.published().filter(tagged_items__tag=self.tag)

    def compare(self, version):
        keys = Keys(live_tag_links(tag=self.tag), "published_at", "content_object_id")
        for per_page in (1, 3, 4, 20):
            offset = Paginator(self.listing().newest_first(), per_page)
            for number in offset.page_range:
                page = paginate_newest(
                    self.listing(), ask(number), per_page,
                    listing="k", version=version, keys=keys,
                )  # fmt: skip
                self.assertEqual(
                    list(page), list(offset.page(number)), (per_page, number)
                )
                self.assertEqual(page.paginator.count, offset.count)

    def test_every_page_matches_offset_pagination(self):
        self.compare(version=1)

    def test_unpublished_and_private_articles_leave_the_tag(self):
        """A story taken down or made private must not stay on its tag page."""
        self.made[0].unpublish()
        PageViewRestriction.objects.create(
            page=self.sections[1], restriction_type="login"
        )
        self.assertEqual(self.listing().count(), 4)
        self.compare(version=2)

    def test_the_tag_page_lists_newest_first(self):
        response = self.client.get(self.tag.get_absolute_url())
        titles = [a.title for a in response.context["articles"]]
        expected = [a.title for a in self.listing().newest_first()[:12]]
        self.assertEqual(titles, expected)
