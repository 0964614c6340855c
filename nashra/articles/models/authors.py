"""The people in a byline."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

SOCIAL_FIELDS = ("website", "x", "facebook", "instagram", "linkedin")


class Author(index.Indexed, models.Model):
    """A writer whose name appears in bylines and who has an author page."""

    # Bylines everywhere show the name: an edit purges the site (#13).
    cache_site_wide = True

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_("Leave empty to make it from the name."),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Plain links in the author box (#20): no widget, no counter, no request.
    website = models.URLField(_("website"), blank=True)
    x = models.URLField(_("X (Twitter)"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel(name) for name in SOCIAL_FIELDS], heading=_("Social links")
        ),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:200] or "author"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})

    @property
    def social_links(self):
        """[(field, label, address)] of the links the newsroom filled in."""
        return [
            (name, self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in SOCIAL_FIELDS
            if getattr(self, name)
        ]
