"""The Arabic-Indic digits option reaches every number the site writes (#12).

The threat: a paper that chose ٠-٩ showed «١٨ يونيو» beside «3 تعليقات»,
«الصفحة 2 من 3» and «12 نتيجة»: two numeral systems on one line. House
habit 4 (Wagtail's numberformat trap): a page is rendered with the option on
and any Western digit in its visible text fails, wherever it came from. The
test newspaper has no digits in its own words, so every digit is the site's.
"""

import re
from datetime import timedelta

from django.test import override_settings
from django.utils import timezone
from lxml import html
from wagtail.models import Site

from nashra.articles.counting import flush_views, record_view
from nashra.articles.factories import create_article, create_author, paragraph
from nashra.articles.models import Breaking
from nashra.comments.counts import refresh
from nashra.comments.models import Comment, CommentOptions, Status
from nashra.core.tests.factories import ensure_home
from nashra.sections.factories import create_section
from nashra.theme.tests.helpers import NewspaperTestCase

WORDS = ["الماء", "الطاقة", "النقل", "التعليم", "الصحة", "الزراعة", "السياحة",
         "الصناعة", "التجارة", "البيئة", "الثقافة", "الرياضة", "الإسكان",
         "الاتصالات", "المصارف", "الموانئ"]  # fmt: skip
WESTERN = set("0123456789")
HIDDEN = ("script", "style", "template")


def visible_text(content):
    """The text a reader sees: no attributes, URLs, datetime values, CSS or JS."""
    tree = html.fromstring(content)
    for element in tree.xpath("|".join(f"//{name}" for name in HIDDEN)):
        element.drop_tree()
    return " ".join(tree.xpath("//title//text() | //body//text()"))


@override_settings(PAGE_CACHE=False)
class DigitsEverywhereTests(NewspaperTestCase):
    @classmethod
    def setUpTestData(cls):
        home = ensure_home()
        cls.section = create_section(home, "الاقتصاد", "economy")
        writer = create_author("سلمى الحداد", "salma", role="مراسلة")
        now = timezone.now()
        made = [
            create_article(
                cls.section, f"خبر عن {word}", slug=f"news-{index}",
                summary=f"ملخص عن {word}", authors=[writer], tags=["اقتصاد"],
                body=[paragraph(f"فقرة طويلة عن {word} " * 40)],
                published_at=now - timedelta(hours=index + 1),
            )
            for index, word in enumerate(WORDS)
        ]  # fmt: skip
        cls.article = made[0]
        for name in ["قارئ", "قارئة", "متابع"]:
            Comment.objects.create(
                article=cls.article, name=name, email="r@example.org",
                body="تعليق بلا أرقام", status=Status.APPROVED,
            )  # fmt: skip
        refresh(cls.article.pk)
        # One thread a page, so the article's comments have pages too.
        CommentOptions.objects.create(site=Site.objects.get(is_default_site=True),
                                      per_page=1)  # fmt: skip
        Breaking.objects.create(page=made[1], until=now + timedelta(hours=3))
        for _ in range(3):
            record_view(made[2].pk)
        flush_views(drain=True)
        cls.site = Site.objects.get(is_default_site=True)

    def digits_in(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        text = visible_text(response.content.decode())
        return text, sorted(WESTERN & set(text))

    PAGES = ["/", "/economy/?page=2", "/economy/news-0/", "/economy/news-0/?page=2",
             "/search/?q=خبر",
             "/tag/اقتصاد/", "/author/salma/", "/tag/اقتصاد/?page=2"]  # fmt: skip

    def test_arabic_indic_everywhere_with_the_option_on(self):
        self.set_options(digits="arabic")
        for url in self.PAGES:
            with self.subTest(url):
                text, western = self.digits_in(url)
                self.assertEqual(western, [], f"{url}: {text!r}")

    def test_comment_pages_are_numbered_in_the_sites_digits(self):
        self.set_options(digits="arabic")
        text, _ = self.digits_in("/economy/news-0/?page=2")
        self.assertIn("الصفحة ٢ من ٣", " ".join(text.split()))

    def test_the_comment_forms_messages_follow_the_option(self):
        """The no-JavaScript form page: «at most 80 characters» is the site's number."""
        self.set_options(digits="arabic")
        response = self.client.post(
            f"/comments/{self.article.pk}/post/",
            {"name": "ن" * 90, "email": "r@example.org", "body": "تعليق"},
        )
        text = visible_text(response.content.decode())
        self.assertIn("٨٠", text)
        self.assertEqual(sorted(WESTERN & set(text)), [], text)
        too_long = self.client.post(
            f"/comments/{self.article.pk}/post/",
            {"body": "ن" * 5000}, CONTENT_LENGTH=300_000,
        )  # fmt: skip
        self.assertEqual(too_long.status_code, 413)
        text = visible_text(too_long.content.decode())
        self.assertIn("٥٬٠٠٠", text)
        self.assertEqual(sorted(WESTERN & set(text)), [], text)

    def test_western_digits_with_the_option_off(self):
        """The same pages really print numbers, so the test above sees them."""
        for url in self.PAGES:
            with self.subTest(url):
                text, western = self.digits_in(url)
                self.assertTrue(western, f"{url} prints no number: {text!r}")
                self.assertFalse(set("٠١٢٣٤٥٦٧٨٩") & set(text), url)


def test_no_template_prints_a_count_raw():
    """A count printed as {{ x|length }} between tags skips the digits option;
    it must go through {% num %} or {% count %} (house habit 4)."""
    from pathlib import Path

    import nashra

    raw = re.compile(
        r">[^<>]*\{\{\s*([\w.]*(?:number|num_pages|count|counter|length|total|"
        r"minutes|views|year)\b[^}]*?)\s*\}\}"
    )
    assigned = re.compile(r"\{% num [^%]* as (\w+) %\}")
    root = Path(nashra.__file__).parent
    found = []
    for path in root.glob("*/templates/**/*.html"):
        if "/admin/" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        safe = set(assigned.findall(text))
        found += [
            f"{path.relative_to(root)}: {match[1]}"
            for match in raw.finditer(text)
            if match[1] not in safe
        ]
    assert found == []
