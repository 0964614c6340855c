"""Reader counts behind "most read"."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyViews(models.Model):
    """How many readers opened an article on one day (for "most read")."""

    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        # Table, index and constraint names kept from the theme app (#4, #13).
        db_table = "theme_dailyviews"
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="theme_views_page_day")
        ]
        indexes = [
            models.Index(fields=["day", "page"], name="theme_daily_day_570929_idx")
        ]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"
