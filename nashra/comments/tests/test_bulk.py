"""comments.bulk and counts.set_many: what save() and refresh() leave, for
rows written in bulk; and the QuerySet cache the count tag reads (#13)."""

from datetime import UTC, datetime

from django.core.cache import cache
from django.db.models.query import QuerySet
from django.test import TestCase

from nashra.articles.models import ArticlePage
from nashra.comments import counts
from nashra.comments.bulk import import_comments
from nashra.comments.models import Comment, CommentThread, Status
from nashra.core.listings import fetched as _fetched
from nashra.core.tests.factories import build_newspaper

WHEN = datetime(2019, 3, 4, 5, 6, tzinfo=UTC)


def comment(article, body, *, parent=None, status=Status.APPROVED, **fields):
    return Comment(article=article, parent=parent, name="قارئ", body=body,
                   email="reader@example.com", status=status, **fields)  # fmt: skip


class ImportCommentsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_newspaper(articles_per_section=2)
        cls.one, cls.two, cls.three = ArticlePage.objects.order_by("pk")[:3]

    def test_replies_threads_dates_and_counts(self):
        top = comment(self.one, "أول", created_at=WHEN)
        reply = comment(self.one, "رد", parent=top)
        deeper = comment(self.one, "رد على الرد", parent=reply, status=Status.PENDING)
        other = comment(self.two, "آخر")
        found = import_comments([top, reply, deeper, other], closed={self.three.pk})
        assert found == {self.one.pk: 2, self.two.pk: 1}
        rows = {c.body: c for c in Comment.objects.all()}
        assert rows["أول"].created_at == WHEN
        assert rows["أول"].depth == 1 and rows["أول"].root_id is None
        assert rows["رد"].parent_id == top.pk and rows["رد"].root_id == top.pk
        assert rows["رد على الرد"].depth == 3 and rows["رد على الرد"].root_id == top.pk
        assert rows["رد"].created_at != WHEN  # auto_now_add where none is given
        threads = {t.page_id: (t.is_open, t.approved_count)
                   for t in CommentThread.objects.all()}  # fmt: skip
        assert threads == {
            self.one.pk: (True, 2), self.two.pk: (True, 1), self.three.pk: (False, 0)
        }  # fmt: skip
        # The same counts refresh() would keep, row by row.
        for pk, n in found.items():
            assert counts.refresh(pk) == n

    def test_a_reply_to_a_saved_comment(self):
        import_comments([comment(self.one, "قديم")])
        saved = Comment.objects.get()
        import_comments([comment(self.two, "رد", parent=saved)])
        assert Comment.objects.get(body="رد").root_id == saved.pk

    def test_set_many_is_what_cards_read(self):
        cache.clear()
        counts.set_many({self.one.pk: 4, self.two.pk: 0})
        assert counts.published_counts([self.one.pk, self.two.pk]) == {
            self.one.pk: 4, self.two.pk: 0
        }  # fmt: skip


class ResultCacheTests(TestCase):
    """The count tag reads a listing's fetched cards from QuerySet._result_cache
    (Django's), never running the query itself: fails if Django renames it."""

    @classmethod
    def setUpTestData(cls):
        build_newspaper(articles_per_section=1)

    def test_unevaluated_is_none_and_evaluated_is_the_rows(self):
        listed = ArticlePage.objects.order_by("pk")
        assert isinstance(listed, QuerySet)
        with self.assertNumQueries(0):
            assert listed._result_cache is None
            assert tuple(_fetched(listed)) == ()
        rows = list(listed)
        assert listed._result_cache == rows
        with self.assertNumQueries(0):
            assert list(_fetched(listed)) == rows
