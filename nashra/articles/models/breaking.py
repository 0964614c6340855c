"""The breaking-news ticker's rows."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel


class BreakingQuerySet(models.QuerySet):
    def current(self, now=None):
        return self.filter(until__gt=now or timezone.now())


class Breaking(models.Model):
    """An article flagged as breaking news until a given time (the ticker)."""

    # The ticker is in the chrome of every page: an edit purges the site (#13).
    cache_site_wide = True

    page = models.OneToOneField(
        "articles.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE,
        related_name="breaking",
    )  # fmt: skip
    until = models.DateTimeField(
        _("breaking until"), help_text=_("The article leaves the ticker at this time.")
    )

    objects = BreakingQuerySet.as_manager()
    panels = [PageChooserPanel("page", "articles.ArticlePage"), FieldPanel("until")]

    class Meta:
        verbose_name = _("breaking news")
        verbose_name_plural = _("breaking news")
        ordering = ["-until"]
        # Kept from the theme app, where it began (#4, #13).
        db_table = "theme_breaking"

    def __str__(self):
        return self.page.title
