from django.db import models
from django.utils.translation import gettext_lazy as _


class PushSubscription(models.Model):
    """A reader's browser that asked for notifications: breaking news and/or sections."""

    # The push service's URL for this browser; it is the browser's identity.
    endpoint = models.URLField(_("endpoint"), max_length=1000, unique=True)
    p256dh = models.CharField(_("browser key"), max_length=200)
    auth = models.CharField(_("auth secret"), max_length=100)
    breaking = models.BooleanField(_("breaking news"), default=True)
    sections = models.ManyToManyField(
        "sections.SectionPage", verbose_name=_("sections"), blank=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("browser notification subscription")
        verbose_name_plural = _("browser notification subscriptions")

    def __str__(self):
        return self.endpoint[:60]


class PushAlert(models.Model):
    """One breaking article's notification, sent once however often the switch flips."""

    article = models.OneToOneField(
        "articles.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("browser notification")
        verbose_name_plural = _("browser notifications")

    def __str__(self):
        return str(self.article_id)
