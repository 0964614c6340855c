"""Front-page blocks kept as rendered HTML, and never stale (#12).

Each test renders the home page (so every block is kept), changes what one
block shows, and renders again: the second reader must see the change, with
the page cache off and the fragments on.
"""

import re
import uuid
from unittest import mock

from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from nashra.articles.factories import create_article
from nashra.comments.models import Comment, Status
from nashra.core.tests.factories import build_newspaper
from nashra.home import front
from nashra.sections.factories import create_section


def block(kind, **value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def section_block(html, section):
    """The HTML of ``section``'s block on the front page, or None."""
    found = re.search(
        rf'<section class="[^"]*section-block" aria-labelledby="section-{section.pk}-'
        r".*?</section>",
        html,
        re.S,
    )
    return found.group(0) if found else None


@override_settings(PAGE_CACHE=False)
class FrontBlockFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=3)
        cls.home = cls.paper["home"]
        cls.world, cls.culture = cls.paper["world"], cls.paper["culture"]
        cls.articles = cls.paper["articles"]

    def arrange(self, *blocks):
        self.home.body = list(blocks)
        self.home.save_revision().publish()
        self.home.refresh_from_db()

    def front(self):
        return self.client.get("/").content.decode()

    def two_sections(self):
        # The lead is picked, so new articles can only show in their section.
        lead = next(a for a in self.articles if a.section_id == self.culture.pk)
        self.arrange(
            block("lead", article=lead.pk, section=None),
            block("section", section=self.world.pk, count=2, layout="list"),
            block("section", section=self.culture.pk, count=2, layout="grid"),
        )

    def test_a_section_block_follows_a_new_article(self):
        self.two_sections()
        self.front()
        create_article(self.world, "خبر عاجل من العالم")
        self.assertIn("خبر عاجل من العالم", section_block(self.front(), self.world))

    def test_a_section_block_follows_an_edited_title(self):
        self.two_sections()
        self.front()
        shown = next(a for a in self.articles if a.section_id == self.world.pk)
        shown.title = "عنوان معدّل"
        shown.save_revision().publish()
        self.assertIn("عنوان معدّل", section_block(self.front(), self.world))

    def test_a_section_block_follows_an_unpublished_article(self):
        self.two_sections()
        shown = next(a for a in self.articles if a.section_id == self.world.pk)
        self.assertIn(shown.url, section_block(self.front(), self.world))
        shown.unpublish()
        self.assertNotIn(shown.url, section_block(self.front(), self.world))

    def test_a_card_follows_its_comment_count(self):
        self.two_sections()
        shown = next(a for a in self.articles if a.section_id == self.world.pk)
        self.assertNotIn(
            'class="card__comments"', section_block(self.front(), self.world)
        )
        from nashra.comments import counts

        Comment.objects.create(
            article=shown, name="ريم", email="reem@example.com", body="رأي",
            status=Status.APPROVED,
        )  # fmt: skip
        counts.refresh(shown.pk)
        self.assertIn('class="card__comments"', section_block(self.front(), self.world))

    def test_a_section_block_follows_a_renamed_section(self):
        self.two_sections()
        self.front()
        self.world.title = "الأخبار الدولية"
        self.world.save_revision().publish()
        self.assertIn("الأخبار الدولية", section_block(self.front(), self.world))

    def test_a_restricted_section_leaves_the_front(self):
        self.two_sections()
        self.assertIsNotNone(section_block(self.front(), self.world))
        PageViewRestriction.objects.create(
            page=self.world, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertIsNone(section_block(self.front(), self.world))

    def test_an_empty_block_appears_once_it_has_articles(self):
        sport = create_section(self.home, "رياضة", "sport")
        self.arrange(
            block("latest", title="", count=2),
            block("section", section=sport.pk, count=2, layout="list"),
        )
        self.assertIsNone(section_block(self.front(), sport))
        create_article(sport, "فوز الفريق", published_at=self.articles[-1].published_at)
        self.assertIn("فوز الفريق", section_block(self.front(), sport))

    def test_a_publish_in_one_section_leaves_the_other_block_kept(self):
        """What the fragments are for: only the changed section is fetched."""
        self.two_sections()
        self.front()
        create_article(self.world, "خبر جديد")
        original = front._Front.section_articles
        asked = []

        def spy(self, layout):
            asked.extend(
                value["section"] for kind, value in layout if kind == "section"
            )
            return original(self, layout)

        with mock.patch.object(front._Front, "section_articles", spy):
            html = self.front()
        self.assertEqual(asked, [self.world.pk])
        self.assertIn("خبر جديد", section_block(html, self.world))
        self.assertIsNotNone(section_block(html, self.culture))

    def test_the_lead_follows_a_newer_featured_story(self):
        """The default layout: the lead (newest featured) and latest news."""
        self.front()
        create_article(self.culture, "القصة الأبرز", featured=True)
        html = self.front()
        lead = re.search(
            r'<section class="home-block home-block--lead".*?</section>', html, re.S
        )
        self.assertIn("القصة الأبرز", lead.group(0))

    def test_the_default_layout_follows_a_new_section(self):
        self.front()
        sport = create_section(self.home, "رياضة", "sport", show_in_menus=True)
        create_article(sport, "فوز الفريق", published_at=self.articles[-1].published_at)
        self.assertIn("فوز الفريق", section_block(self.front(), sport))

    def test_kept_blocks_render_as_rendered_blocks(self):
        """The second reader gets the very bytes the first one got."""
        self.two_sections()
        first = self.client.get("/").content
        self.assertEqual(self.client.get("/").content, first)
        from django.core.cache import cache

        cache.clear()
        self.assertEqual(self.client.get("/").content, first)
