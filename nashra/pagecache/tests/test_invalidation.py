"""Each newsroom event changes what the next reader sees (#8).

Invalidation runs after commit, so every change is wrapped in
captureOnCommitCallbacks(execute=True), as a real request would commit it.
"""

import html

from django.test import TestCase
from wagtail.models import Site

from nashra.articles.factories import create_article
from nashra.comments.models import Comment, CommentOptions, Status
from nashra.comments.moderation import set_status
from nashra.pagecache.tests.helpers import fresh_paper, reader


def readable(response):
    """The page's text without the bidi isolates wrapped around Latin words."""
    text = html.unescape(response.content.decode())
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


class InvalidationTests(TestCase):
    def setUp(self):
        self.paper = fresh_paper()
        self.world = self.paper["world"]
        # Arabic-only title: digits and Latin words are reshaped for display.
        self.article = create_article(
            self.world,
            "تقرير عن الأمطار في المدينة",
            authors=[self.paper["author"]],
            tags=["روسيا"],
        )
        self.client = reader()

    def cached(self, url):
        """Fetch until the page is in the cache; returns its text."""
        self.client.get(url)
        response = self.client.get(url)
        assert response["X-Cache"] == "HIT", url
        return readable(response)

    def now(self, url):
        return readable(self.client.get(url))

    def test_publishing_a_new_article_reaches_every_listing(self):
        """Breaking news must appear on the home page, section, tag and author
        pages at once, not after the cache expires."""
        urls = ["/", self.world.url, "/tag/روسيا/", "/author/salma/", "/feeds/rss/"]
        for url in urls:
            assert "خبر عاجل عن الزلزال" not in self.cached(url)
        with self.captureOnCommitCallbacks(execute=True):
            create_article(
                self.world,
                "خبر عاجل عن الزلزال",
                authors=[self.paper["author"]],
                tags=["روسيا"],
            )
        for url in urls:
            assert "خبر عاجل عن الزلزال" in self.now(url), url

    def test_edit_shows_the_new_revision(self):
        """A correction replaces the wrong headline for the next reader."""
        assert self.article.title in self.cached(self.article.url)
        with self.captureOnCommitCallbacks(execute=True):
            self.article.title = "عنوان مصحح بعد الخطأ"
            self.article.save_revision().publish()
        assert "عنوان مصحح بعد الخطأ" in self.now(self.article.url)
        assert "عنوان مصحح بعد الخطأ" in self.now(self.world.url)

    def test_removed_tag_forgets_the_article(self):
        """Editing tags must drop the article from the old tag's page."""
        assert self.article.title in self.cached("/tag/روسيا/")
        with self.captureOnCommitCallbacks(execute=True):
            self.article.tags.set(["وسم آخر"])
            self.article.save_revision().publish()
        assert self.article.title not in self.now("/tag/روسيا/")

    def test_unpublish_removes_the_page_and_its_cards(self):
        """A pulled story (legal order) must vanish from the cache too."""
        self.cached(self.article.url)
        self.cached(self.world.url)
        with self.captureOnCommitCallbacks(execute=True):
            self.article.unpublish()
        assert self.client.get(self.article.url).status_code == 404
        assert self.article.title not in self.now(self.world.url)

    def test_delete(self):
        self.cached(self.article.url)
        url = self.article.url
        with self.captureOnCommitCallbacks(execute=True):
            self.article.delete()
        assert self.client.get(url).status_code == 404

    def test_move_changes_both_sections(self):
        """A moved story leaves the old section's listing and joins the new one."""
        culture = self.paper["culture"]
        assert self.article.title in self.cached(self.world.url)
        self.cached(culture.url)
        with self.captureOnCommitCallbacks(execute=True):
            self.article.move(culture, pos="last-child")
        assert self.article.title not in self.now(self.world.url)
        assert self.article.title in self.now(culture.url)

    def test_comment_approval_and_unapproval(self):
        """An approved comment appears at once; a trashed one disappears."""
        comment = Comment.objects.create(
            article=self.article,
            name="قارئ",
            email="r@example.com",
            body="تعليق ينتظر الموافقة من المحرر",
        )
        assert comment.body not in self.cached(self.article.url)
        with self.captureOnCommitCallbacks(execute=True):
            set_status([comment], Status.APPROVED)
        assert comment.body in self.cached(self.article.url)
        with self.captureOnCommitCallbacks(execute=True):
            set_status([comment], Status.TRASH)
        assert comment.body not in self.now(self.article.url)

    def test_options_change_purges_the_site(self):
        """Site options shape every page: any change clears everything."""
        self.cached(self.article.url)
        self.cached("/")
        with self.captureOnCommitCallbacks(execute=True):
            options = CommentOptions.for_site(Site.objects.get(is_default_site=True))
            options.per_page = 7
            options.save()
        assert self.client.get(self.article.url)["X-Cache"] == "MISS"
        assert self.client.get("/")["X-Cache"] == "MISS"

    def test_unrelated_article_keeps_its_entry(self):
        """Precision: publishing in one section leaves the other's pages cached."""
        other = self.paper["culture"]
        self.cached(other.url)
        with self.captureOnCommitCallbacks(execute=True):
            create_article(self.world, "خبر في قسم العالم فقط")
        assert self.client.get(other.url)["X-Cache"] == "HIT"


class PendingCommentTests(TestCase):
    """A reader's pending comment is shown to them alone."""

    def test_pending_comment_never_reaches_another_reader(self):
        from nashra.comments.tests.helpers import post, set_options

        paper = fresh_paper()
        set_options(min_fill_seconds=0, flood_seconds=0, hold_all=True)
        article = paper["articles"][0]
        author = reader()
        with self.captureOnCommitCallbacks(execute=True):
            response = post(author, article, body="رأيي الخاص الذي لم يُنشر بعد")
        assert response.status_code in (200, 302, 303)
        mine = author.get(f"/comments/{article.pk}/mine/").json()
        assert "رأيي الخاص" in "".join(mine["comments"])
        for _ in range(2):
            page = author.get(article.url).content.decode()
        other = reader()
        for _ in range(2):
            seen = other.get(article.url)
            assert "رأيي الخاص" not in seen.content.decode()
        assert "رأيي الخاص" not in page
