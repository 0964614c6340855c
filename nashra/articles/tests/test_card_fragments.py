"""Article cards kept as rendered HTML, and never stale (#12).

Each test reads a listing (so its cards are kept), changes what one card
shows, and reads again: the second reader must see the change, with the
page cache off and the fragments on.
"""

import re

from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.test import TestCase, override_settings

from nashra.comments import counts
from nashra.comments.models import Comment, Status
from nashra.core.tests.factories import build_newspaper


def card_of(html, article):
    """The HTML of ``article``'s card in a listing, or None."""
    for found in re.findall(r'<article class="card.*?</article>', html, re.S):
        if f'href="{article.url}"' in found:
            return found
    return None


@override_settings(PAGE_CACHE=False)
class CardFragmentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=2)
        cls.world = cls.paper["world"]
        cls.article = next(
            a for a in cls.paper["articles"] if a.section_id == cls.world.pk
        )
        cls.tag_url = cls.article.tags.first().get_absolute_url()

    def read(self, url):
        return self.client.get(url).content.decode()

    def test_a_card_follows_an_edited_title(self):
        self.read(self.world.url)
        self.article.title = "عنوان معدّل"
        self.article.save_revision().publish()
        self.assertIn("عنوان معدّل", card_of(self.read(self.world.url), self.article))

    def test_a_card_follows_its_comment_count(self):
        self.assertNotIn(
            "card__comments", card_of(self.read(self.tag_url), self.article)
        )
        Comment.objects.create(
            article=self.article, name="ريم", email="reem@example.com", body="رأي",
            status=Status.APPROVED,
        )  # fmt: skip
        counts.refresh(self.article.pk)
        self.assertIn("card__comments", card_of(self.read(self.tag_url), self.article))

    def test_a_card_follows_its_renamed_section(self):
        """Tag pages show each card's section."""
        self.read(self.tag_url)
        self.world.title = "الأخبار الدولية"
        self.world.save_revision().publish()
        shown = card_of(self.read(self.tag_url), self.article)
        self.assertIn("الأخبار الدولية", shown)

    def test_options_are_part_of_the_card(self):
        """The same article on one page as a section's card (no section
        label) and a tag's card (with it): each keeps its own HTML."""
        section_card = card_of(self.read(self.world.url), self.article)
        tag_card = card_of(self.read(self.tag_url), self.article)
        self.assertNotIn("card__section", section_card)
        self.assertIn("card__section", tag_card)

    def test_a_kept_card_is_the_rendered_card(self):
        first = self.client.get(self.world.url).content
        self.assertEqual(self.client.get(self.world.url).content, first)
        cache.clear()
        self.assertEqual(self.client.get(self.world.url).content, first)

    def test_an_unknown_option_is_refused(self):
        with self.assertRaises(TemplateSyntaxError):
            Template("{% load cards %}{% card article=a shown=1 %}").render(
                Context({"a": self.article})
            )
