"""articles.bulk: the tree, dates, links and revisions the one-by-one path
leaves, and the treebeard and Django internals it leans on (#13)."""

import inspect
from datetime import timedelta

from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page, Revision

from nashra.articles import bulk
from nashra.articles.factories import create_article, create_author
from nashra.articles.models import ArticlePage, ArticlePageAuthor, ArticleTag, Tag
from nashra.core.tests.factories import ensure_home
from nashra.sections.factories import create_section


class PrivateApiTests(TestCase):
    """Fails first when a treebeard or Django upgrade changes an internal
    that create_articles() relies on; read articles/bulk.py then."""

    def test_treebeard_path_helpers_keep_their_shape(self):
        assert Page.steplen == 4
        assert Page.alphabet == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        assert list(inspect.signature(Page._get_path).parameters) == [
            "path", "depth", "newstep"
        ]  # fmt: skip
        assert Page._get_path("0001", 2, 3) == "00010003"
        assert Page._get_path("0001", 2, 36) == "00010010"
        assert Page._str2int("000A") == 10
        assert Page._str2int("0010") == 36
        assert Page._get_children_path_interval("0001") == ("00010000", "0001ZZZZ")


class CreateArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = ensure_home()
        cls.section = create_section(home, "محليات", "local")
        cls.other = create_section(home, "رياضة", "sport")
        cls.first = create_article(cls.section, "قبل الدفعة", slug="before")
        cls.author = create_author("سلمى الحداد", "salma")
        cls.tag = Tag.objects.create(name="مياه", slug="مياه")

    def article(self, title, slug, **fields):
        page = ArticlePage(title=title, slug=slug, **fields)
        page.article_authors = [ArticlePageAuthor(author=self.author, sort_order=0)]
        page.tagged_items = [ArticleTag(tag=self.tag)]
        return page

    def create(self, placed, **options):
        with transaction.atomic():
            locked = {}
            pairs = []
            for parent, page in placed:
                locked.setdefault(parent.pk, bulk.lock(parent.pk))
                pairs.append((locked[parent.pk], page))
            return bulk.create_articles(pairs, **options)

    def assert_tree_valid(self):
        assert all(not found for found in Page.find_problems())
        for parent in (self.section, self.other):
            parent.refresh_from_db()
            assert parent.numchild == parent.get_children().count()

    def test_articles_are_placed_dated_linked_and_revised(self):
        when = timezone.now() - timedelta(days=1)
        later = timezone.now() + timedelta(days=1)
        live = self.article("حي", "live", live=True, first_published_at=when)
        undated = self.article("بلا تاريخ", "undated", live=True)
        scheduled = self.article("مجدول", "scheduled", live=False, go_live_at=later)
        elsewhere = self.article("رياضة", "elsewhere", live=True)
        pages = self.create(
            [(self.section, live), (self.other, elsewhere),
             (self.section, undated), (self.section, scheduled)]
        )  # fmt: skip
        assert [p.pk for p in pages] == sorted(p.pk for p in pages)
        self.assert_tree_valid()
        children = list(self.section.get_children().specific())
        assert [c.slug for c in children] == ["before", "live", "undated", "scheduled"]
        stored = ArticlePage.objects.get(pk=live.pk)
        assert stored.url_path == "/home/local/live/"
        assert stored.section_id == self.section.pk
        assert stored.published_at == stored.first_published_at == when
        assert stored.last_published_at == when
        assert stored.live_revision_id == stored.latest_revision_id
        assert stored.latest_revision.as_object().title == "حي"
        assert ArticlePage.objects.get(pk=undated.pk).published_at is not None
        draft = ArticlePage.objects.get(pk=scheduled.pk)
        assert not draft.live and draft.has_unpublished_changes
        assert draft.live_revision_id is None and draft.published_at is None
        assert Revision.objects.get(object_id=str(draft.pk)).approved_go_live_at == (
            later
        )
        # Tag links dated as ArticlePage.save() dates them: drafts undated.
        dates = dict(
            ArticleTag.objects.values_list("content_object_id", "published_at")
        )
        assert dates[live.pk] == when and dates[scheduled.pk] is None
        assert [a.author for a in stored.article_authors.all()] == [self.author]
        # Wagtail's own add_child() goes on after the batch.
        self.section.refresh_from_db()
        after = self.section.add_child(instance=ArticlePage(title="بعد", slug="after"))
        assert after.path > scheduled.path
        self.assert_tree_valid()

    def test_a_stale_hint_is_not_trusted(self):
        known = {}
        self.create([(self.section, self.article("أ", "a", live=True))],
                    known_last=known)  # fmt: skip
        assert known[self.section.pk].endswith("0002")
        self.section.refresh_from_db()
        self.section.add_child(instance=ArticlePage(title="يدوي", slug="by-hand"))
        page = self.create([(self.section, self.article("ب", "b", live=True))],
                           known_last=known)[0]  # fmt: skip
        assert page.path.endswith("0004")
        self.assert_tree_valid()

    def test_without_revisions_links_are_still_written(self):
        page = self.create(
            [(self.section, self.article("بلا مراجعة", "plain", live=True))],
            revisions=False,
        )[0]
        assert not Revision.objects.filter(object_id=str(page.pk)).exists()
        assert ArticleTag.objects.get(content_object_id=page.pk).published_at
        assert ArticlePageAuthor.objects.filter(page_id=page.pk).count() == 1
        self.assert_tree_valid()

    def test_free_slugs_number_after_siblings_and_batch_mates(self):
        slugs = bulk.free_slugs(self.section, ["before", "before", "new", "new"])
        assert slugs == ["before-2", "before-3", "new", "new-2"]
