"""An editor ticks the parts an article goes without (#21), and none by default."""

from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from nashra.articles.models import ArticlePage, Author
from nashra.home.models import HomePage
from nashra.sections.factories import create_section


class HiddenPartsForm(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = create_section(HomePage.objects.get(), "العالم", "world")
        cls.author = Author.objects.create(name="سلمى الحداد", slug="salma")
        cls.editor = get_user_model().objects.create_superuser("ed", "e@x.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def form(self, slug, **extra):
        return nested_form_data({
            "title": "خبر", "slug": slug, "body": streamfield([]),
            "article_authors": inline_formset([{"author": self.author.pk}]),
            **extra,
        })  # fmt: skip

    def test_checkboxes_in_the_editor(self):
        url = f"/admin/pages/add/articles/articlepage/{self.section.pk}/"
        response = self.client.get(url)
        self.assertContains(
            response, 'type="checkbox" name="hidden_parts" value="share"'
        )

    def test_ticked_parts_are_saved_and_none_is_an_empty_list(self):
        ticked = self.form("a")
        # Several values under one name, as the browser sends the checkboxes.
        ticked["hidden_parts"] = ["share", "related"]
        self.assertCanCreate(self.section, ArticlePage, ticked)
        self.assertCanCreate(self.section, ArticlePage, self.form("b"))
        parts = dict(ArticlePage.objects.values_list("slug", "hidden_parts"))
        self.assertEqual(parts, {"a": ["share", "related"], "b": []})
