"""Keyset pages list exactly what OFFSET pages list, at any depth (#8)."""

from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.http import Http404
from django.test import RequestFactory, TestCase
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage
from nashra.core.keyset import paginate_newest
from nashra.core.tests.factories import ensure_home
from nashra.sections.factories import create_section


def ask(page):
    return RequestFactory().get("/", {"page": page})


class KeysetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = create_section(ensure_home(), "منوعات", "منوعات")
        moment = timezone.now()
        for n in range(11):
            # Pairs share a timestamp: ties must be broken by pk, not lost.
            create_article(
                section, f"مقال رقم {n}", published_at=moment - timedelta(hours=n // 2)
            )
        cls.listing = ArticlePage.objects.published().filter(section=section)

    def pages(self, per_page, version=1):
        offset = Paginator(self.listing.newest_first(), per_page)
        for number in offset.page_range:
            page = paginate_newest(
                self.listing, ask(number), per_page, listing="t", version=version
            )
            yield list(offset.page(number)), list(page), page

    def test_every_page_matches_offset_pagination(self):
        """Same rows in the same order on every page, ties included."""
        for per_page in (1, 2, 3, 4, 11, 20):
            for expected, got, page in self.pages(per_page):
                assert got == expected, (per_page, page.number)
                assert page.paginator.count == 11

    def test_page_links(self):
        page = paginate_newest(self.listing, ask(2), 4, listing="t", version=1)
        assert page.has_previous() and page.has_next()
        assert page.previous_page_number() == 1
        assert page.next_page_number() == 3
        assert page.paginator.num_pages == 3

    def test_bad_page_numbers(self):
        """Junk in ?page= is page 1; a page past the end is a 404, not a 500."""
        for junk in ("abc", "-1", "1e9", "", "99999999999"):
            page = paginate_newest(self.listing, ask(junk), 4, listing="t", version=2)
            assert page.number == 1
        with pytest.raises(Http404):
            paginate_newest(self.listing, ask(4), 4, listing="t", version=2)

    def test_empty_listing(self):
        empty = self.listing.none()
        page = paginate_newest(empty, ask(1), 4, listing="e", version=1)
        assert list(page) == []
        assert page.paginator.num_pages == 1
        with pytest.raises(Http404):
            paginate_newest(empty, ask(2), 4, listing="e", version=1)
