"""A small newspaper for tests: home, two sections, authors, tagged articles."""

from datetime import timedelta

from django.utils import timezone

from nashra.articles.factories import create_article, create_author, paragraph
from nashra.home.models import HomePage
from nashra.images.factories import create_image
from nashra.sections.factories import create_section


def ensure_home():
    """The home page and default site, rebuilt after a TransactionTestCase flush."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page, Site

    home = HomePage.objects.first()
    if home is not None:
        return home
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title="الرئيسية", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home,
                  "site_name": "نشرة"},
    )  # fmt: skip
    return home


def build_newspaper(articles_per_section=3, *, tags=("روسيا", "Kim Jong Un")):
    """Returns a dict of the objects made, with unmistakable Arabic values."""
    home = ensure_home()
    world = create_section(home, "أخبار العالم", "world", description="العالم")
    culture = create_section(home, "ثقافة وفنون", "ثقافة", description="الثقافة")
    writer = create_author("سلمى الحداد", "salma", role="مراسلة")
    photo = create_image("صورة المقال", caption="التعليق", credit="وكالة الصور")
    now = timezone.now()
    made = []
    for index in range(articles_per_section):
        for section in (world, culture):
            made.append(
                create_article(
                    section,
                    f"خبر {section.slug} رقم {index}",
                    slug=f"خبر-{section.slug}-{index}",
                    summary="ملخص الخبر",
                    authors=[writer],
                    tags=list(tags),
                    featured_image=photo,
                    published_at=now - timedelta(hours=index + 1),
                    body=[paragraph("فقرة أولى"), {"type": "heading",
                          "value": {"text": "عنوان فرعي", "level": "h2"}}],
                )
            )  # fmt: skip
    return {"home": home, "world": world, "culture": culture, "author": writer,
            "image": photo, "articles": made}  # fmt: skip
