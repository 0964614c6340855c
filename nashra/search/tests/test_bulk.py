"""search.bulk: indexing paused for bulk loads and resumed after, and the
one Wagtail method it patches (#13)."""

import io

from django.core.management.base import OutputWrapper
from django.test import TestCase
from wagtail.fields import StreamField
from wagtail.search.backends import get_search_backend

from nashra.articles.factories import create_article, paragraph
from nashra.articles.models import ArticlePage
from nashra.search import bulk
from nashra.search.models import SearchEntry
from nashra.search.tests.helpers import build_archive


class PausedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def test_saves_in_the_body_index_nothing_and_indexing_comes_back(self):
        page = ArticlePage.objects.get(pk=self.archive["minister"].pk)
        SearchEntry.objects.all().delete()
        with bulk.paused():
            page.title = "عنوان أثناء التحميل"
            page.save()
            assert not SearchEntry.objects.filter(pk=page.pk).exists()
        # Wagtail's admin index was not fed either: nothing found yet.
        assert not get_search_backend().search("التحميل", ArticlePage)
        bulk.index_pages([page.pk])
        terms = SearchEntry.objects.get(pk=page.pk).title_terms
        assert len(get_search_backend().search("التحميل", ArticlePage)) == 1
        # After the body, a save indexes again: the handlers are back.
        page.title = "مقال مختلف تماما"
        page.save()
        assert SearchEntry.objects.get(pk=page.pk).title_terms != terms

    def test_handlers_come_back_when_the_body_fails(self):
        try:
            with bulk.paused():
                raise RuntimeError("load failed")
        except RuntimeError:
            pass
        page = ArticlePage.objects.get(pk=self.archive["minister"].pk)
        SearchEntry.objects.all().delete()
        page.save()
        assert SearchEntry.objects.filter(pk=page.pk).exists()


class StreamTextOnceTests(TestCase):
    """Fails when Wagtail's indexer stops reading StreamField text through
    StreamField.get_searchable_content (the method bulk.py patches)."""

    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()
        cls.pages = [
            create_article(
                cls.archive["world"], f"مقال {n}", body=[paragraph(f"نص فريد {n}")]
            )
            for n in range(3)
        ]

    def test_the_indexer_reads_each_body_once_through_the_method(self):
        original = StreamField.get_searchable_content
        calls = []

        def counting(field, value):
            calls.append(id(value))
            return original(field, value)

        StreamField.get_searchable_content = counting
        try:
            indexer = bulk.BulkIndexer()
            indexer.pending = list(ArticlePage.objects.filter(
                pk__in=[p.pk for p in self.pages]))  # fmt: skip
            indexer.flush()
        finally:
            StreamField.get_searchable_content = original
        assert StreamField.get_searchable_content is original
        assert len(calls) == len(self.pages) == len(set(calls))
        assert len(get_search_backend().search("فريد", ArticlePage)) == 3


def test_output_wrapper_keeps_its_stream_as_out():
    """The reindex command draws its bar on OutputWrapper._out (Django's)."""
    stream = io.StringIO()
    assert OutputWrapper(stream)._out is stream
