"""Credits that carry their own «تصوير:» are not prefixed twice (#12)."""

import re

from django.test import TestCase

from nashra.articles.factories import create_article
from nashra.core.tests.factories import build_newspaper
from nashra.images.factories import create_image


def credits(html):
    return re.findall(r'<span class="credit">(.*?)</span>', html)


class CreditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        paper = build_newspaper(articles_per_section=1)
        labelled = create_image("صورة بعلامة", credit="الصورة - أ ف ب")
        cls.article = create_article(
            paper["world"], "خبر بصور موقعة", slug="credits",
            featured_image=paper["image"], image_credit="تصوير: رويترز",
            body=[
                {"type": "image", "value": {"image": labelled.pk, "caption": "",
                                            "credit": "© Getty Images", "alt": ""}},
                {"type": "image", "value": {"image": labelled.pk, "caption": "",
                                            "credit": "تصوير:", "alt": ""}},
            ],
        )  # fmt: skip

    def test_each_credit_says_photo_once(self):
        """«تصوير: تصوير: رويترز» reads as a typo on every photo of the paper."""
        html = self.client.get(self.article.url).content.decode()
        found = [re.sub(r"</?bdi>", "", c) for c in credits(html)]
        # The block whose credit was only a label prints no credit at all.
        self.assertEqual(found, ["تصوير: رويترز", "تصوير: Getty Images"])
        self.assertNotIn("تصوير: تصوير:", html)
