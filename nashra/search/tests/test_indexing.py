"""The index follows what editors do, and holds only what readers may see (#5)."""

from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from nashra.articles.factories import create_article, paragraph
from nashra.articles.models import ArticlePage
from nashra.search import indexing
from nashra.search.models import SearchEntry
from nashra.search.results import find
from nashra.search.tests.helpers import build_archive
from nashra.text.analysis import analyse


def titles(q, **kwargs):
    return [hit.page.title for hit in find(q, **kwargs)[0:20]]


class IndexingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def test_published_articles_are_indexed_with_analysed_terms(self):
        """Index and query must spell a word the same way, or nothing matches."""
        entry = SearchEntry.objects.get(pk=self.archive["minister"].pk)
        self.assertEqual(entry.title_terms, "وزير خارج يزور مدرس")
        self.assertEqual(entry.section_id, self.archive["world"].pk)

    def test_drafts_are_never_indexed(self):
        """A draft must not leak through search before the newsroom publishes it."""
        self.assertFalse(
            SearchEntry.objects.filter(pk=self.archive["draft"].pk).exists()
        )
        self.assertEqual(titles("مسودة"), [])

    def test_unpublish_removes_the_article(self):
        """A story pulled for legal reasons must vanish from search at once."""
        self.archive["match"].unpublish()
        self.assertEqual(titles("الأهلي"), [])

    def test_publishing_an_edit_updates_the_index(self):
        page = ArticlePage.objects.get(pk=self.archive["match"].pk)
        page.title = "الزمالك يفوز بالكأس"
        page.save_revision().publish()
        self.assertEqual(titles("الزمالك"), ["الزمالك يفوز بالكأس"])
        self.assertEqual(titles("النهائية"), [])

    def test_an_unpublished_draft_edit_does_not_reach_the_index(self):
        """Saving a draft of a live story must not make the draft searchable."""
        page = ArticlePage.objects.get(pk=self.archive["match"].pk)
        page.title = "عنوان تجريبي لم ينشر"
        page.save_revision()
        self.assertEqual(titles("تجريبي"), [])
        self.assertEqual(len(titles("الأهلي")), 1)

    def test_delete_removes_the_entry(self):
        pk = self.archive["match"].pk
        self.archive["match"].delete()
        self.assertFalse(SearchEntry.objects.filter(pk=pk).exists())
        self.assertEqual(titles("الأهلي"), [])

    def test_deleting_a_section_removes_its_articles(self):
        self.archive["sport"].delete()
        self.assertEqual(titles("الأهلي"), [])

    def test_move_follows_the_new_section(self):
        page = ArticlePage.objects.get(pk=self.archive["match"].pk)
        page.move(self.archive["world"], pos="last-child")
        entry = SearchEntry.objects.get(pk=page.pk)
        self.assertEqual(entry.section_id, self.archive["world"].pk)

    def test_private_sections_leave_the_index_and_come_back(self):
        """Subscriber-only or internal pages must never show in public search."""
        restriction = PageViewRestriction.objects.create(
            page=self.archive["sport"], restriction_type="login"
        )
        self.assertFalse(
            SearchEntry.objects.filter(pk=self.archive["match"].pk).exists()
        )
        self.assertEqual(titles("الأهلي"), [])
        restriction.delete()
        self.assertEqual(len(titles("الأهلي")), 1)

    def test_moving_into_a_private_section_removes_the_article(self):
        PageViewRestriction.objects.create(
            page=self.archive["sport"], restriction_type="login"
        )
        page = ArticlePage.objects.get(pk=self.archive["minister"].pk)
        page.move(self.archive["sport"], pos="last-child")
        self.assertEqual(titles("المدرسة الابتدائية"), [])

    def test_future_dated_articles_stay_hidden_until_their_time(self):
        """An embargoed story dated tomorrow must not be found today."""
        create_article(
            self.archive["world"],
            "خبر محظور النشر حتى الغد",
            body=[paragraph("نص الخبر المحظور")],
            published_at=timezone.now() + timedelta(days=1),
        )
        self.assertEqual(titles("المحظور"), [])

    def test_scheduled_publication_is_not_indexed_early(self):
        page = ArticlePage.objects.get(pk=self.archive["draft"].pk)
        page.go_live_at = timezone.now() + timedelta(days=1)
        page.save_revision().publish()
        self.assertFalse(SearchEntry.objects.filter(pk=page.pk).exists())

    def test_rebuild_restores_a_lost_index(self):
        SearchEntry.objects.all().delete()
        seen, indexed = indexing.rebuild()
        self.assertEqual((seen, indexed), (4, 3))
        self.assertEqual(len(titles("وزير الخارجية")), 2)

    def test_parallel_rebuild_indexes_what_the_serial_one_does(self):
        """Worker processes must analyse exactly as the site does on publish."""
        serial = dict(SearchEntry.objects.values_list("page_id", "body_terms"))
        SearchEntry.objects.all().delete()
        with mock.patch.object(indexing, "BATCH_SIZE", 1):
            seen, indexed = indexing.rebuild()
        self.assertEqual((seen, indexed), (4, 3))
        self.assertEqual(
            dict(SearchEntry.objects.values_list("page_id", "body_terms")), serial
        )

    def test_reindex_writes_only_what_changed(self):
        """An up-to-date row is compared, not written again (#5)."""
        minister = self.archive["minister"]
        ArticlePage.objects.filter(pk=minister.pk).update(
            published_at=minister.published_at - timedelta(days=1)
        )
        with CaptureQueriesContext(connection) as queries:
            seen, indexed = indexing.rebuild()
        self.assertEqual((seen, indexed), (4, 3))
        writes = [
            q["sql"] for q in queries if q["sql"].startswith(("INSERT", "DELETE"))
        ]
        self.assertEqual(len(writes), 2, writes)  # the changed row, replaced
        self.assertIn(f"IN ({minister.pk})", writes[0])
        self.assertEqual(
            SearchEntry.objects.get(pk=minister.pk).published_at,
            minister.published_at - timedelta(days=1),
        )


class StoredBodyTextTests(TestCase):
    def test_stream_text_reads_what_body_text_renders(self):
        """Indexing reads the stored JSON; it must find the words body_text() does."""
        home = build_archive()["world"]
        page = create_article(
            home,
            "نص المقال كما يخزن",
            body=[
                paragraph(
                    'قال <b>الوزير</b> &amp; أضاف <a linktype="page" '
                    f'id="{home.pk}">العالم</a>'
                ),
                {"type": "heading", "value": {"text": "عنوان فرعي", "level": "h2"}},
                {"type": "pull_quote", "value": {"text": "اقتباس", "attribution": ""}},
                {"type": "quote", "value": {"text": "شاهد", "source": "مصدر"}},
                {"type": "html", "value": "<div>نص <script>x()</script>خام</div>"},
                {"type": "separator", "value": None},
            ],
        )
        page = ArticlePage.objects.get(pk=page.pk)
        _, rows = indexing._load([page.pk])
        (row,) = rows
        self.assertEqual(indexing.stream_text(page.body.raw_data), page.body_text())
        self.assertEqual(
            indexing.analyse_row(row)[:2],
            (analyse(page.title), analyse(indexing.searchable_text(page))),
        )
