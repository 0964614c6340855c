from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from nashra.articles.models import ArticlePage
from nashra.core import groups, versions
from nashra.core.keyset import paginate_newest
from nashra.core.privacy import CachedRestrictionsMixin
from nashra.newsroom.publishing import NewsroomPermissions
from nashra.sections.tree import section_tree

ARTICLES_PER_PAGE = 12


class SectionPage(
    NewsroomPermissions, CachedRestrictionsMixin, groups.CacheGroupsMixin, Page
):
    """A section of the paper (e.g. World News) listing its articles, newest first."""

    description = models.TextField(
        _("description"),
        blank=True,
        max_length=500,
        help_text=_("Shown under the section name and to search engines."),
    )

    parent_page_types = ["home.HomePage", "sections.SectionPage"]
    subpage_types = ["articles.ArticlePage", "live.LivePage", "sections.SectionPage"]

    content_panels = [*Page.content_panels, FieldPanel("description")]
    search_fields = [*Page.search_fields, index.SearchField("description")]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def save(self, *args, **kwargs):
        if self._state.adding:
            self.show_in_menus = True
        super().save(*args, **kwargs)

    def cache_dependencies(self, tags=None):
        return {groups.page(self.pk), groups.section(self.pk)}

    def listed_section_ids(self, tree=None):
        """This section and every sub-section below it: its listing shows
        their articles too (#20)."""
        tree = section_tree() if tree is None else tree
        return [self.pk, *tree.descendant_ids(self.pk)]

    def articles(self, tree=None):
        ids = self.listed_section_ids(tree)
        published = ArticlePage.objects.published()
        if len(ids) == 1:
            return published.filter(section=self).newest_first()
        return published.filter(section_id__in=ids).newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tree = section_tree()
        # Keyset pages: page 1000 costs what page 1 costs (#8). Publishing in
        # a sub-section bumps this section's group too (ArticlePage, #20).
        listing = groups.section(self.pk)
        # Cards show neither the body nor, here, the section; every article's
        # section is this page or one of the sub-sections the tree already
        # holds, so it is attached rather than joined (#8, #20).
        cards = self.articles(tree).for_cards().select_related(None)
        page = paginate_newest(
            cards.defer_streamfields(),
            request,
            ARTICLES_PER_PAGE,
            listing=listing,
            version=versions.current(listing),
        )
        link = type(self).section_articles.field
        for article in page:
            found = self if article.section_id == self.pk else None
            link.set_cached_value(article, found or tree.get(article.section_id))
        context["articles"] = page
        context["subsections"] = tree.children(self.pk)
        return context
