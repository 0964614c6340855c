from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="rss")
class FeedOptions(BaseSiteSetting):
    """How the paper presents itself to feed readers, search engines and social networks."""

    full_text = models.BooleanField(
        _("full text in feeds"),
        default=False,
        help_text=_("Send whole articles to feed readers instead of their summaries."),
    )
    items = models.PositiveSmallIntegerField(
        _("items per feed"),
        default=30,
        help_text=_("How many of the newest articles each feed carries (1 to 100)."),
    )
    publication_name = models.CharField(
        _("publication name"),
        max_length=200,
        blank=True,
        help_text=_(
            "The paper's name in Google News and structured data; "
            "the site name when empty."
        ),
    )
    publisher_logo = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("publisher logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown by search engines beside the paper's articles."),
    )

    panels = [
        FieldPanel("full_text"),
        FieldPanel("items"),
        FieldPanel("publication_name"),
        FieldPanel("publisher_logo"),
    ]

    class Meta:
        verbose_name = _("feeds and metadata")

    @property
    def item_count(self):
        # Aggregators ignore very long feeds; an editor's 0 would empty them.
        return min(max(self.items or 30, 1), 100)
