from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from nashra.articles.blocks import ArticleBodyBlock
from nashra.core.groups import CacheGroupsMixin
from nashra.newsroom.publishing import NewsroomPermissions


class StandardPage(NewsroomPermissions, CacheGroupsMixin, Page):
    """A page outside the news flow: about us, contact, corrections policy."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    # Nested under each other as WordPress pages are (#7).
    parent_page_types = ["home.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
