"""Theme options per site: look, dates, links and the licence key (#4)."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from nashra.theme.fonts import DEFAULT_TYPEFACE, TYPEFACES
from nashra.theme.forms import ThemeOptionsForm
from nashra.theme.registry import DEFAULT_THEME_KEY

DEFAULT_PRIMARY = "#9b1c1c"
DEFAULT_ACCENT = "#1d4f91"


class Choices:
    SCHEME = [("auto", _("Follow the reader's system")), ("light", _("Light")),
              ("dark", _("Dark"))]  # fmt: skip
    CALENDAR = [("gregorian", _("Gregorian")), ("hijri", _("Hijri (Umm al-Qura)")),
                ("both", _("Gregorian and Hijri"))]  # fmt: skip
    MONTHS = [("egyptian", _("Egyptian and Gulf (يونيو)")),
              ("levantine", _("Levantine (حزيران)")),
              ("both", _("Both (يونيو/حزيران)"))]  # fmt: skip
    DIGITS = [("western", _("Western (0-9)")), ("arabic", _("Arabic-Indic (٠-٩)"))]
    SOCIAL = [("facebook", "Facebook"), ("x", "X"), ("instagram", "Instagram"),
              ("youtube", "YouTube"), ("telegram", "Telegram"),
              ("whatsapp", "WhatsApp"), ("tiktok", "TikTok"),
              ("linkedin", "LinkedIn"), ("rss", "RSS")]  # fmt: skip


@register_setting(icon="palette")
class ThemeOptions(ClusterableModel, BaseSiteSetting):
    """How one site looks and writes dates: the newsroom's theme options page."""

    site_name = models.CharField(
        _("site name"), max_length=100, blank=True,
        help_text=_("Leave empty to use the site name from the Sites settings."),
    )  # fmt: skip
    site_description = models.CharField(
        _("site description"), max_length=300, blank=True,
        help_text=_("One or two sentences about the newspaper, shown by search "
                    "engines and social networks under the home page's title."),
    )  # fmt: skip
    logo = models.ForeignKey(
        "images.NewsImage", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    favicon = models.ForeignKey(
        "images.NewsImage", verbose_name=_("favicon"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("A square image; it is resized to 64 by 64 pixels."),
    )  # fmt: skip
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default=DEFAULT_PRIMARY,
        help_text=_("Hex colour such as #9b1c1c, used for the header, labels and "
                    "buttons. It must be readable as text on a white page."),
    )  # fmt: skip
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default=DEFAULT_ACCENT,
        help_text=_("Hex colour used for links; it must be readable on a white page."),
    )  # fmt: skip
    typeface = models.CharField(
        _("typeface"), max_length=20, default=DEFAULT_TYPEFACE.key,
        choices=[(face.key, face.family) for face in TYPEFACES],
    )  # fmt: skip
    colour_scheme = models.CharField(
        _("colour scheme"), max_length=10, default="auto", choices=Choices.SCHEME,
        help_text=_("Readers can still switch between light and dark; their "
                    "choice is remembered in their browser."),
    )  # fmt: skip
    back_to_top = models.BooleanField(_("back-to-top button"), default=True)
    ticker = models.BooleanField(_("breaking-news ticker"), default=True)
    reading_progress = models.BooleanField(_("reading-progress bar"), default=True)
    calendar = models.CharField(
        _("date style"), max_length=10, default="gregorian", choices=Choices.CALENDAR
    )
    months = models.CharField(
        _("month names"), max_length=10, default="egyptian", choices=Choices.MONTHS
    )
    digits = models.CharField(
        _("digits"), max_length=10, default="western", choices=Choices.DIGITS
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    theme = models.CharField(
        _("theme"), max_length=50, default=DEFAULT_THEME_KEY,
        help_text=_("Templates a theme does not provide come from the default theme."),
    )  # fmt: skip
    licence_key = models.TextField(
        _("licence key"), blank=True,
        help_text=_("Commercial themes need a key issued by their vendor for this "
                    "site's domain. It is checked here, without contacting anyone."),
    )  # fmt: skip

    panels_identity = [
        FieldPanel("site_name"),
        FieldPanel("site_description"),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("favicon")]),
        FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
        FieldPanel("typeface"),
        FieldPanel("colour_scheme"),
    ]
    panels_reading = [
        MultiFieldPanel(
            [
                FieldPanel("ticker"),
                FieldPanel("reading_progress"),
                FieldPanel("back_to_top"),
            ],
            heading=_("Reading features"),
        ),  # fmt: skip
        MultiFieldPanel(
            [FieldPanel("calendar"), FieldPanel("months"), FieldPanel("digits")],
            heading=_("Dates and numbers"),
        ),
    ]
    panels_menus = [
        InlinePanel("header_links", heading=_("Header menu"), label=_("link")),
        InlinePanel("footer_links", heading=_("Footer menu"), label=_("link")),
        InlinePanel("social_links", heading=_("Social profiles"), label=_("profile")),
        FieldPanel("footer_text"),
    ]
    panels_theme = [FieldPanel("theme"), FieldPanel("licence_key")]
    base_form_class = ThemeOptionsForm
    edit_handler = TabbedInterface([
        ObjectList(panels_identity, heading=_("Identity")),
        ObjectList(panels_reading, heading=_("Reading")),
        ObjectList(panels_menus, heading=_("Menus")),
        ObjectList(panels_theme, heading=_("Theme and licence")),
    ])  # fmt: skip

    class Meta:
        verbose_name = _("theme options")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # After the menus are saved too (ClusterableModel.save), and only once
        # the transaction commits, so no worker caches a half-saved state.
        from nashra.theme.options import forget

        site_id = self.site_id
        transaction.on_commit(lambda: forget(site_id))


class MenuLink(Orderable):
    """One entry of a site menu: a page of the site or any address."""

    label = models.CharField(_("label"), max_length=60, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )  # fmt: skip
    link_url = models.CharField(_("address"), max_length=500, blank=True)

    panels = [
        FieldPanel("label"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def href(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url

    def text(self):
        return self.label or (self.link_page.title if self.link_page_id else "")


class HeaderLink(MenuLink):
    """A link in the header menu, after the sections."""

    options = ParentalKey(
        ThemeOptions, related_name="header_links", on_delete=models.CASCADE
    )


class FooterLink(MenuLink):
    """A link in the footer: about us, contact, corrections policy…"""

    options = ParentalKey(
        ThemeOptions, related_name="footer_links", on_delete=models.CASCADE
    )


class SocialLink(Orderable):
    """The newspaper's profile on one social network."""

    options = ParentalKey(
        ThemeOptions, related_name="social_links", on_delete=models.CASCADE
    )
    network = models.CharField(_("network"), max_length=20, choices=Choices.SOCIAL)
    url = models.URLField(_("address"))

    panels = [FieldPanel("network"), FieldPanel("url")]
