"""A newsroom for tests: one section, a user in each role."""

from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from nashra.articles.factories import create_article
from nashra.core.tests.factories import ensure_home
from nashra.newsroom.roles import site_role
from nashra.sections.factories import create_section


def staff(username, key):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw", is_staff=True
    )
    user.groups.add(site_role(key).group)
    return user


class Newsroom:
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home()
        cls.section = create_section(cls.home, "الرياضة", "sport")
        cls.contributor = staff("samir", "contributor")
        cls.author = staff("huda", "author")
        cls.other_author = staff("rami", "author")
        cls.moderator = staff("mona", "moderator")

    def draft(self, owner, slug):
        return create_article(
            self.section, f"خبر {slug}", slug=slug, publish=False, owner=owner
        )

    def article_form(self, slug, **extra):
        return nested_form_data({
            "title": f"خبر {slug}",
            "slug": slug,
            "summary": "ملخص.",
            "body": streamfield([("paragraph", rich_text("<p>نص الخبر.</p>"))]),
            "article_authors": inline_formset([]),
            "tags": "",
            **extra,
        })  # fmt: skip
