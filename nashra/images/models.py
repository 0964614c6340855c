from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from nashra.images import locks


class NewsImage(AbstractImage):
    """A photo in the newsroom's library, with the credit and caption it is published with."""

    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        blank=True,
        help_text=_("Describes the picture for readers who cannot see it."),
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit", "alt_text")
    # Shown on cards, articles and the front: an edit purges the site (#13).
    cache_site_wide = True

    class Meta(AbstractImage.Meta):
        # Without them the library reads "News images" in Arabic (#12).
        verbose_name = _("news image")
        verbose_name_plural = _("news images")

    @property
    def default_alt_text(self):
        return self.alt_text or self.caption or self.title

    def create_renditions(self, *filters):
        """Wagtail's, one encoder per image: a waiter takes what the first made."""
        if not filters:
            return {}
        with locks.held(settings.VAR_DIR / "locks", f"renditions-{self.pk}"):
            made = self._stored_renditions(filters)
            missing = [f for f in filters if f not in made]
            made.update(super().create_renditions(*missing))
        return made

    def _stored_renditions(self, filters):
        wanted = {(f.spec, f.get_cache_key(self)): f for f in filters}
        stored = self.renditions.filter(filter_spec__in=[spec for spec, _key in wanted])
        return {
            wanted[key]: rendition
            for rendition in stored
            if (key := (rendition.filter_spec, rendition.focal_point_key)) in wanted
        }


class NewsRendition(AbstractRendition):
    """A resized copy of a newsroom photo."""

    image = models.ForeignKey(
        NewsImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
