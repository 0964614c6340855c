"""The reader's text size on articles (#20): five steps, saved, set before
first paint by the allowed early script, so the body is never re-flowed."""

import re

from django.test import override_settings
from django.utils import translation

from nashra.core import csp
from nashra.core.tests.test_csp import directives, inline_blocks
from nashra.theme.templatetags.theme_tags import (
    DEFAULT_TEXT_SIZE,
    EARLY_SCRIPT,
    TEXT_SIZES,
)
from nashra.theme.tests.helpers import NewspaperTestCase

SITE_CSS = "nashra/core/static/core/css/site.css"


@override_settings(PAGE_CACHE=True)
class TextSizeTests(NewspaperTestCase):
    def test_the_article_offers_both_buttons_with_arabic_names(self):
        html = self.html(self.article.url)
        self.assertIn('role="group" aria-label="حجم الخط" data-text-sizer', html)
        self.assertIn(
            'data-text-size-step="-1" aria-label="تصغير الخط">أ−</button>', html
        )
        self.assertIn(
            'data-text-size-step="1" aria-label="تكبير الخط">أ+</button>', html
        )

    def test_english_pages_get_the_same_buttons_in_english(self):
        with translation.override("en"):
            html = self.html(self.article.url)
        self.assertIn('aria-label="Smaller text">A−</button>', html)
        self.assertIn('aria-label="Larger text">A+</button>', html)

    def test_the_saved_step_is_read_in_the_head_by_a_script_the_policy_allows(self):
        response = self.client.get(self.article.url)
        body = response.content.decode()
        head = body.split("</head>", 1)[0]
        scripts = [text for kind, text in inline_blocks(head) if kind == "script"]
        self.assertIn(EARLY_SCRIPT, scripts)
        self.assertIn("nashra-text-size", EARLY_SCRIPT)
        self.assertIn("dataset.textSize", EARLY_SCRIPT)
        self.assertIn(csp.source_hash(EARLY_SCRIPT), directives(response)["script-src"])
        # A hit replays the same body and the header made for it.
        again = self.client.get(self.article.url)
        self.assertEqual(again["X-Cache"], "HIT")
        self.assertIn(csp.source_hash(EARLY_SCRIPT), directives(again)["script-src"])

    def test_every_step_has_its_scale_and_only_the_body_uses_it(self):
        css = open(SITE_CSS, encoding="utf-8").read()
        for step, percent in enumerate(TEXT_SIZES):
            scale = f"{percent / 100:g}"
            self.assertIn(
                f'html[data-text-size="{step}"] {{ --article-text-scale: {scale}; }}',
                css,
            )
        self.assertEqual(TEXT_SIZES[DEFAULT_TEXT_SIZE], 100)
        users = re.findall(r"([^{}]+)\{[^}]*var\(--article-text-scale", css)
        self.assertEqual([u.strip() for u in users], [".article__body"])

    def test_sections_and_the_front_page_carry_no_buttons(self):
        for url in ("/", self.paper["world"].url):
            with self.subTest(url=url):
                self.assertNotIn("data-text-sizer", self.html(url))
