"""«وضع القراءة» (#20): ?reading=1 gives an article's text alone, stored
apart from the full page, never indexed, never past a restriction."""

from django.test import override_settings
from django.utils import translation
from wagtail.models import PageViewRestriction

from nashra.ads.tests.factories import every_slot
from nashra.articles.factories import create_article, paragraph
from nashra.core import csp
from nashra.core.tests.test_csp import directives, inline_blocks
from nashra.theme.tests.helpers import NewspaperTestCase

READING = "?reading=1"


def image_block(image):
    return {"type": "image", "value": {"image": image.pk, "caption": "تعليق الصورة",
                                       "alt": "", "credit": ""}}  # fmt: skip


@override_settings(PAGE_CACHE=True)
class ReadingModeTests(NewspaperTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = create_article(
            cls.paper["world"],
            "قصة بصورة",
            slug="قصة-بصورة",
            authors=[cls.paper["author"]],
            featured_image=cls.paper["image"],
            body=[
                paragraph("نص الفقرة الأولى"),
                image_block(cls.paper["image"]),
                paragraph("نص الفقرة الثانية"),
            ],  # fmt: skip
        )

    def test_the_article_links_to_its_reading_mode(self):
        html = self.html(self.story.url)
        self.assertIn(
            f'href="{self.story.url}{READING}" rel="nofollow">وضع القراءة</a>', html
        )

    def test_reading_mode_keeps_title_byline_date_text_and_captions(self):
        html = self.html(self.story.url + READING)
        self.assertIn("قصة بصورة", html)
        self.assertIn("سلمى الحداد", html)
        self.assertIn('class="byline__date"', html)
        self.assertIn("نص الفقرة الأولى", html)
        self.assertIn("نص الفقرة الثانية", html)
        self.assertIn("تعليق الصورة", html)
        self.assertIn("التعليق", html)  # the featured photo's caption

    def test_reading_mode_drops_the_chrome_pictures_and_extras(self):
        full = self.html(self.story.url)
        html = self.html(self.story.url + READING)
        for piece in ('class="site-header"', 'class="site-nav"', 'class="share',
                      'class="site-footer"', "<img", "<picture", "related",
                      "data-view-beacon", "newsletter", 'class="tags"'):  # fmt: skip
            with self.subTest(piece=piece):
                self.assertNotIn(piece, html)
        self.assertIn('class="site-header"', full)
        self.assertIn("<img", full)

    def test_reading_mode_shows_no_ad(self):
        every_slot(self.paper["image"])
        self.assertIn("data-ad-slot", self.html(self.story.url))
        self.assertNotIn("data-ad-slot", self.html(self.story.url + READING))

    def test_reading_mode_is_not_indexed_and_names_the_article_as_canonical(self):
        html = self.html(self.story.url + READING)
        self.assertIn('<meta name="robots" content="noindex">', html)
        self.assertIn(f'<link rel="canonical" href="{self.story.full_url}">', html)
        self.assertIn(f'class="reading-mode__back" href="{self.story.url}"', html)
        self.assertNotIn('content="noindex"', self.html(self.story.url))

    def test_the_two_forms_are_cached_apart(self):
        first = self.client.get(self.story.url)
        reading = self.client.get(self.story.url + READING)
        self.assertEqual(reading["X-Cache"], "MISS")
        self.assertIn(b'content="noindex"', reading.content)
        again = self.client.get(self.story.url)
        self.assertEqual(again["X-Cache"], "HIT")
        self.assertEqual(again.content, first.content)
        self.assertNotIn(b'content="noindex"', again.content)
        reading_again = self.client.get(self.story.url + READING)
        self.assertEqual(reading_again["X-Cache"], "HIT")
        self.assertIn(b'content="noindex"', reading_again.content)

    def test_a_password_still_comes_first(self):
        PageViewRestriction.objects.create(
            page=self.story, restriction_type="password", password="سر"
        )
        response = self.client.get(self.story.url + READING)
        html = response.content.decode()
        self.assertNotIn("نص الفقرة الأولى", html)
        self.assertIn('name="password"', html)

    def test_a_login_restriction_still_comes_first(self):
        PageViewRestriction.objects.create(page=self.story, restriction_type="login")
        response = self.client.get(self.story.url + READING)
        self.assertEqual(response.status_code, 302)
        self.assertNotIn("نص الفقرة الأولى", response.content.decode())

    def test_publishing_drops_the_stored_reading_form_too(self):
        self.client.get(self.story.url + READING)
        self.story.title = "عنوان جديد"
        with self.captureOnCommitCallbacks(execute=True):
            self.story.save_revision().publish()
        self.assertIn("عنوان جديد", self.html(self.story.url + READING))

    def test_its_inline_blocks_are_allowed_by_their_hashes_only(self):
        response = self.client.get(self.story.url + READING)
        policy = directives(response)
        blocks = list(inline_blocks(response.content.decode()))
        self.assertTrue(blocks)
        for kind, text in blocks:
            self.assertIn(csp.source_hash(text), policy[f"{kind}-src"])
        self.assertNotIn("'unsafe-inline'", policy["script-src"])

    def test_english_pages_read_left_to_right_from_the_same_template(self):
        with translation.override("en"):
            html = self.html(self.story.url + READING)
        self.assertIn('<html lang="en" dir="ltr"', html)
        self.assertIn(">Back to the full article</a>", html)
        self.assertIn("نص الفقرة الأولى", html)
