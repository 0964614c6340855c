"""Ad slots and the ads.txt files, managed in the admin (#20)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

from nashra.ads.forms import CODE_PERMISSION, AdSlotForm


class Placement(models.TextChoices):
    HEADER = "header", _("Under the site header")
    BELOW_TITLE = "below_title", _("Below the article title")
    IN_BODY = "in_body", _("After a paragraph of the article")
    BETWEEN_BLOCKS = "between_blocks", _("Between home page blocks")
    SIDEBAR = "sidebar", _("Beside the content (sidebar)")
    STICKY_FOOTER = "sticky_footer", _("Sticky footer on phones")


class Kind(models.TextChoices):
    CODE = "code", _("Ad network code")
    HOUSE = "house", _("House ad (image and link)")


class AdSlot(models.Model):
    """A place on reader pages that shows an ad network's code or a house ad."""

    # Every reader page may show a slot: any change drops every cached page.
    cache_site_wide = True

    name = models.SlugField(
        _("name"), unique=True, allow_unicode=True,
        help_text=_("Themes and tests find the slot by this name."),
    )  # fmt: skip
    placement = models.CharField(_("placement"), max_length=20, choices=Placement)
    position = models.PositiveSmallIntegerField(
        _("after"), default=3,
        help_text=_("The paragraph of the article, or the home page block, the "
                    "slot follows; other placements ignore it."),
    )  # fmt: skip
    width = models.PositiveSmallIntegerField(_("width (px)"), default=728)
    height = models.PositiveSmallIntegerField(
        _("height (px)"), default=90,
        help_text=_("Reserved before the ad loads, so the page does not move."),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.HOUSE)
    code = models.TextField(
        _("ad code"), blank=True,
        help_text=_("The ad network's tag, run after the page has loaded. Only "
                    "staff allowed to edit ad code may change it."),
    )  # fmt: skip
    hosts = models.TextField(
        _("other hosts"), blank=True,
        help_text=_("Hosts the ad code loads from in turn, one per line; the "
                    "site's security policy allows them on pages with this slot."),
    )  # fmt: skip
    sets_cookies = models.BooleanField(
        _("sets cookies"),
        default=False,
        help_text=_("The network stores cookies or reads the device: with the "
                    "consent banner on, its code waits for the reader's consent."),
    )  # fmt: skip
    image = models.ForeignKey(
        get_image_model_string(), verbose_name=_("image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    link = models.URLField(_("link"), blank=True)
    alt = models.CharField(_("image description"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    sections = models.ManyToManyField(
        "sections.SectionPage", verbose_name=_("sections"), blank=True,
        related_name="+",
        help_text=_("Show only on these sections and their articles; none: everywhere."),
    )  # fmt: skip
    live = models.BooleanField(_("on"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("live")]),
        FieldRowPanel([FieldPanel("placement"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("width"), FieldPanel("height")]),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("code"), FieldPanel("hosts"),
                         FieldPanel("sets_cookies")],
                        heading=_("Ad network code")),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("link"), FieldPanel("alt")],
                        heading=_("House ad")),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
    ]  # fmt: skip

    base_form_class = AdSlotForm

    class Meta:
        verbose_name = _("ad slot")
        verbose_name_plural = _("ad slots")
        ordering = ["placement", "position", "name"]
        permissions = [(CODE_PERMISSION.split(".")[1], _("Can add and change ad code"))]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == Kind.CODE and not self.code.strip():
            raise ValidationError({"code": _("Paste the ad network's code.")})
        if self.kind == Kind.HOUSE and not (self.image_id and self.link):
            raise ValidationError({"image": _("A house ad needs an image and a link.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


@register_setting(icon="doc-full")
class AdsSettings(BaseSiteSetting):
    """The ads.txt files buyers read to trust the site's sellers, and the
    readers' consent banner."""

    ads_txt = models.TextField(
        _("ads.txt"), blank=True,
        help_text=_("Served at /ads.txt as plain text; empty: the file does not exist."),
    )  # fmt: skip
    app_ads_txt = models.TextField(
        _("app-ads.txt"), blank=True,
        help_text=_("Served at /app-ads.txt, for the newsroom's apps."),
    )  # fmt: skip

    consent_banner = models.BooleanField(
        _("ask readers' consent"),
        default=False,
        help_text=_("Show readers a consent banner; the code of slots marked "
                    "“sets cookies” runs only once a reader agrees."),
    )  # fmt: skip

    panels = [
        FieldPanel("ads_txt"),
        FieldPanel("app_ads_txt"),
        FieldPanel("consent_banner"),
    ]

    class Meta:
        verbose_name = _("advertising settings")
