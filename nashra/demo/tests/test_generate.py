"""`nashra generate`: a valid page tree that readers and editors can use (#8)."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from nashra.articles.models import ArticlePage, ArticleTag
from nashra.comments.counts import published_count
from nashra.comments.models import Comment, CommentThread, Status
from nashra.core.tests.factories import ensure_home
from nashra.core.tests.test_statistics import has_planner_statistics
from nashra.search.models import SearchEntry


class GenerateTests(TestCase):
    def test_generated_tree_is_sound_and_served(self):
        """Bulk-written paths must be what treebeard would have written, or
        the admin and every later add_child() break."""
        ensure_home()
        published_count(1)  # counts warmed before the bulk load
        out = StringIO()
        call_command("generate", articles=30, comments_per_article=2, stdout=out)
        call_command("generate", articles=5, seed=9, stdout=out)
        assert ArticlePage.objects.count() == 35
        assert Comment.objects.count() == 60
        assert SearchEntry.objects.count() == 35
        # Tag pages and related stories read the dated tag links only: an
        # undated link would hide its article from both.
        links = ArticleTag.objects.select_related("content_object")
        assert links.count() == 35 * 3
        for link in links:
            assert link.published_at == link.content_object.published_at
        # Cards and article pages read the counts: approved comments only.
        for thread in CommentThread.objects.all():
            approved = Comment.objects.filter(
                article_id=thread.page_id, status=Status.APPROVED
            ).count()
            assert thread.approved_count == approved
            assert published_count(thread.page_id) == approved
        # Readers arrive straight after a bulk load: the planner must not guess.
        assert has_planner_statistics(ArticlePage)
        problems = Page.find_problems()
        assert all(not p for p in problems), problems
        article = ArticlePage.objects.live().first()
        assert self.client.get(article.url).status_code == 200
        assert self.client.get(article.section.url).status_code == 200
        # A normal add_child after the bulk insert still finds a free path.
        article.section.add_child(instance=ArticlePage(title="مقال يدوي", slug="يدوي"))
        assert Page.find_problems() == ([], [], [], [], [])
