"""Story formats and a gallery's photos (#20)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class StoryFormat(models.TextChoices):
    STANDARD = "standard", _("Standard")
    VIDEO = "video", _("Video")
    GALLERY = "gallery", _("Photo gallery")
    AUDIO = "audio", _("Audio")
    OPINION = "opinion", _("Opinion")


class GalleryPhoto(Orderable):
    """One photo of a gallery story, with its own caption and credit."""

    page = ParentalKey(
        "articles.ArticlePage", related_name="gallery_photos", on_delete=models.CASCADE
    )
    image = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery photos")
