from django.db.models import F, Prefetch, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from nashra.articles.queries import images_with
from nashra.core.privacy import exclude_private
from nashra.images import renditions

LATEST_COUNT = 8
PER_SECTION = 4


class HomePage(Page):
    """The front page: the lead story, the latest news and a block per section."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "pages.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(front_page(self))
        return context


def front_page(home):
    """Everything the front page shows, in a fixed number of queries."""
    from nashra.articles.models import ArticlePage
    from nashra.sections.models import SectionPage

    published = ArticlePage.objects.published().descendant_of(home)
    lead = (
        published.select_related("section")
        .order_by("-featured", "-published_at", "-pk")
        .first()
    )
    rest = published.exclude(pk=lead.pk) if lead else published
    latest = list(rest.select_related("section").newest_first()[:LATEST_COUNT])
    sections = list(
        exclude_private(SectionPage.objects.live().child_of(home).in_menu())
    )
    ranked = rest.annotate(
        rank=Window(
            RowNumber(),
            partition_by=F("section_id"),
            order_by=[F("published_at").desc(), F("pk").desc()],
        )
    )
    in_blocks = list(
        ranked.filter(rank__lte=PER_SECTION).select_related("section").newest_first()
    )
    # One image query for the whole front page, whatever the number of blocks.
    prefetch_related_objects(
        [article for article in [lead, *latest, *in_blocks] if article],
        Prefetch(
            "featured_image", queryset=images_with(renditions.LEAD + renditions.CARD)
        ),
    )
    by_section = {}
    for article in in_blocks:
        by_section.setdefault(article.section_id, []).append(article)
    blocks = [
        (section, by_section[section.pk])
        for section in sections
        if section.pk in by_section
    ]
    return {"lead": lead, "latest": latest, "section_blocks": blocks}
