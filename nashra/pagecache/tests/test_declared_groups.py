"""Each page type and model says its own cache groups (#13).

The invalidation in pagecache/signals.py knows no page type by name: these
tests pin what each type declares, and that a model's ``cache_site_wide``
is what makes its edits purge the whole site.
"""

from django.test import TestCase

from nashra.articles.factories import create_article, create_author
from nashra.articles.models import ArticlePage, Author, Tag
from nashra.core import groups
from nashra.core.invalidate import groups_bumped
from nashra.home.models import HomePage
from nashra.images.models import NewsImage
from nashra.pagecache.dependencies import for_served_page
from nashra.pagecache.tests.helpers import fresh_paper
from nashra.pages.models import StandardPage
from nashra.sections.models import SectionPage


class DeclaredGroupsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.world = cls.paper["world"]
        cls.article = create_article(
            cls.world, "تقرير", authors=[cls.paper["author"]], tags=["روسيا"]
        )

    def test_an_article_busts_its_page_section_tags_authors_and_the_front(self):
        found = self.article.cache_groups()
        assert found == {
            groups.FRONT,
            groups.page(self.article.pk),
            groups.section(self.world.pk),
            groups.tag(self.article.tags.get().slug),
            groups.author(self.paper["author"].slug),
        }
        assert ArticlePage.cache_groups_of([self.article.pk]) == found

    def test_a_served_page_depends_on_what_its_type_declares(self):
        home = HomePage.objects.get()
        article = for_served_page(self.article)
        assert groups.section(self.world.pk) in article
        assert for_served_page(self.world) == {
            groups.page(self.world.pk),
            groups.section(self.world.pk),
        }
        assert for_served_page(home) == {groups.page(home.pk), groups.FRONT}

    def test_pages_in_menus_and_links_bust_the_whole_site(self):
        for kind in (SectionPage, HomePage, StandardPage):
            assert kind.cache_site_wide
            assert kind.cache_groups_of([1]) == {groups.SITE}
        assert not ArticlePage.cache_site_wide

    def test_models_in_every_pages_chrome_declare_it(self):
        for model in (Author, Tag, NewsImage):
            assert model.cache_site_wide, model

    def test_a_site_wide_models_edit_bumps_site_and_announces_it(self):
        heard = []

        def listen(sender, groups, **kwargs):
            heard.append(groups)

        groups_bumped.connect(listen)
        try:
            with self.captureOnCommitCallbacks(execute=True):
                create_author("كاتب جديد", slug="new-writer")
        finally:
            groups_bumped.disconnect(listen)
        assert any(groups.SITE in names for names in heard)
