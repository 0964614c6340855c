from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from nashra.core import groups
from nashra.core.privacy import CachedRestrictionsMixin
from nashra.home.blocks import FrontPageBlock
from nashra.home.forms import HomePageForm
from nashra.home.front import LATEST_COUNT, PER_SECTION, front_page
from nashra.newsroom.publishing import NewsroomPermissions
from nashra.theme.options import for_request

__all__ = ["LATEST_COUNT", "PER_SECTION", "HomePage", "front_page"]


class HomePage(
    NewsroomPermissions, CachedRestrictionsMixin, groups.CacheGroupsMixin, Page
):
    """The front page, arranged by the editors as an ordered list of blocks."""

    body = StreamField(
        FrontPageBlock(),
        verbose_name=_("front page blocks"),
        blank=True,
        help_text=_(
            "Empty: the lead story, the latest news and a block for every section "
            "in the menu."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "pages.StandardPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("body")]
    base_form_class = HomePageForm

    class Meta:
        verbose_name = _("home page")
        permissions = [("edit_custom_html", _("Can add and change custom HTML blocks"))]

    def cache_dependencies(self, tags=None):
        return {groups.page(self.pk), groups.FRONT}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from nashra.home.fragments import front_context

        context.update(front_context(self, request))
        context["meta_description"] = self.meta_description(request)
        return context

    def meta_description(self, request):
        """What search engines and shares show under the paper's name (#12):
        the page's own description, else the theme's, else a house sentence."""
        if self.search_description:
            return self.search_description
        theme = for_request(request)
        if theme.site_description:
            return theme.site_description
        name = theme.site_name or gettext("Nashra")
        return gettext(
            "The latest local, Arab and world news from %(name)s as it happens, "
            "with reports and analysis."
        ) % {"name": name}
