"""The home page tells search engines and shares what the paper is (#12).

The threat: with no meta description a search engine invents a snippet
from the ticker or a card, and a shared link to the home page shows none.
"""

from lxml import html

from nashra.theme.tests.helpers import NewspaperTestCase


class HomeDescriptionTests(NewspaperTestCase):
    def descriptions(self):
        tree = html.fromstring(self.html("/"))
        return (
            tree.xpath('//meta[@name="description"]/@content'),
            tree.xpath('//meta[@property="og:description"]/@content'),
            tree.xpath('//meta[@name="twitter:description"]/@content'),
        )

    def test_an_arabic_sentence_naming_the_paper_by_default(self):
        description, og, twitter = self.descriptions()
        self.assertEqual(len(description), 1)
        self.assertIn("نشرة", description[0])
        self.assertIn("آخر الأخبار", description[0])
        self.assertEqual(og, description)
        self.assertEqual(twitter, description)

    def test_the_theme_options_description_is_used(self):
        self.set_options(site_description="صحيفة يومية مستقلة من عمّان.")
        self.assertEqual(self.descriptions(), (["صحيفة يومية مستقلة من عمّان."],) * 3)

    def test_the_default_names_the_themes_site_name(self):
        self.set_options(site_name="صحيفة الغد")
        self.assertIn("صحيفة الغد", self.descriptions()[0][0])

    def test_the_home_pages_own_description_wins(self):
        self.set_options(site_description="وصف عام")
        home = self.paper["home"]
        home.search_description = "الصفحة الأولى لنشرة"
        home.save_revision().publish()
        self.assertEqual(self.descriptions(), (["الصفحة الأولى لنشرة"],) * 3)
