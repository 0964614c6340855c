"""Highlights, sources and review boxes in the body, and the parts an article
hides (#21: Jannah's per-post data imports into them)."""

from django.test import TestCase

from nashra.articles.factories import create_article, paragraph
from nashra.articles.story_blocks import shown_score
from nashra.core.tests.factories import build_newspaper

REVIEW = {
    "title": "تقييم الهاتف", "style": "points", "score": 87, "verdict": "ممتاز",
    "summary": "هاتف جيد", "readers_rating": 4.5, "readers_count": 4,
    "criteria": [{"name": "الأداء", "score": 90}, {"name": "السعر", "score": 70}],
}  # fmt: skip


class StoryBlocks(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=2)
        cls.article = create_article(
            cls.paper["world"], "مراجعة هاتف جديد", slug="review",
            authors=[cls.paper["author"]], tags=["هواتف"],
            body=[
                {"type": "highlights", "value": {"title": "", "points": ["نقطة أولى"]}},
                paragraph("نص المراجعة"),
                {"type": "sources", "value": {
                    "sources": [{"text": "رويترز", "url": "https://reuters.example/a"}],
                    "via": [{"text": "وكالة", "url": ""}]}},
                {"type": "review", "value": REVIEW},
            ],
        )  # fmt: skip

    def get(self, page=None):
        response = self.client.get((page or self.article).url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_blocks_render(self):
        html = self.get()
        self.assertIn('class="body-highlights"', html)
        self.assertIn("نقطة أولى", html)
        self.assertIn('href="https://reuters.example/a" rel="nofollow noopener"', html)
        self.assertIn('class="body-review"', html)
        self.assertIn('<meter min="0" max="100" value="90">', html)
        self.assertIn("الأداء", html)
        self.assertIn("ممتاز", html)

    def test_score_shown_in_the_boxs_style(self):
        self.assertEqual(shown_score({"score": 87, "style": "points"}), "8.7")
        self.assertEqual(shown_score({"score": 80, "style": "stars"}), "4.0")
        self.assertEqual(shown_score({"score": 87, "style": "percentage"}), "87%")

    def test_all_parts_show_by_default(self):
        html = self.get()
        for marker in ('class="article__tags"', 'class="author-box"', 'class="share"',
                       'class="neighbours"'):  # fmt: skip
            self.assertIn(marker, html)

    def test_hidden_parts_are_left_out(self):
        self.article.hidden_parts = ["tags", "author_box", "share", "neighbours",
                                     "related"]  # fmt: skip
        self.article.save_revision().publish()
        html = self.get()
        for marker in ('class="article__tags"', 'class="author-box"', 'class="share"',
                       'class="neighbours"', 'id="related-heading"'):  # fmt: skip
            self.assertNotIn(marker, html)
        self.assertIn("نص المراجعة", html)
