"""The options of a site as plain values, cached in the shared cache (#4).

Every public page needs the options, so they are read once per site and kept
in the default cache (Redis in production, shared by all workers). Saving the
options deletes the entry after the transaction commits, so the next page
view anywhere shows the change; nothing is kept per process.
"""

from dataclasses import dataclass, field

from django.core.cache import cache

from nashra.core.display import DisplayOptions
from nashra.theme.contrast import readable_text_on
from nashra.theme.models import DEFAULT_ACCENT, DEFAULT_PRIMARY
from nashra.theme.registry import DEFAULT_THEME_KEY

CACHE_TIMEOUT = 60 * 60 * 24
SCHEMA = 2  # bump when SiteTheme changes shape, so old entries are ignored


@dataclass(frozen=True)
class SiteTheme:
    site_id: int | None = None
    site_name: str = ""
    site_description: str = ""
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0
    favicon_url: str = ""
    primary: str = DEFAULT_PRIMARY
    on_primary: str = "#ffffff"
    accent: str = DEFAULT_ACCENT
    typeface: str = "plex"
    colour_scheme: str = "auto"
    back_to_top: bool = True
    ticker: bool = True
    reading_progress: bool = True
    calendar: str = "gregorian"
    months: str = "egyptian"
    digits: str = "western"
    header_links: tuple = field(default_factory=tuple)  # ((text, href), ...)
    footer_links: tuple = field(default_factory=tuple)
    social_links: tuple = field(default_factory=tuple)  # ((network, label, url), ...)
    footer_text: str = ""
    theme: str = DEFAULT_THEME_KEY
    licence_key: str = ""

    @property
    def display(self):
        return DisplayOptions(
            calendar=self.calendar, months=self.months, digits=self.digits
        )


def _key(site_id):
    return f"nashra:theme:v{SCHEMA}:{site_id}"


def _links(manager):
    return tuple(
        (link.text(), link.href())
        for link in manager.select_related("link_page")
        if link.href()
    )


def _build(site):
    from nashra.theme.models import ThemeOptions

    options = ThemeOptions.objects.filter(site=site).select_related(
        "logo", "favicon"
    ).first() or ThemeOptions(site=site)
    logo = options.logo.get_rendition("height-80") if options.logo_id else None
    favicon = (
        options.favicon.get_rendition("fill-64x64|format-png")
        if options.favicon_id
        else None
    )
    saved = options.pk is not None
    return SiteTheme(
        site_id=site.pk,
        site_name=options.site_name or site.site_name or "",
        site_description=options.site_description,
        logo_url=logo.url if logo else "",
        logo_width=logo.width if logo else 0,
        logo_height=logo.height if logo else 0,
        favicon_url=favicon.url if favicon else "",
        primary=options.primary_colour,
        on_primary=readable_text_on(options.primary_colour),
        accent=options.accent_colour,
        typeface=options.typeface,
        colour_scheme=options.colour_scheme,
        back_to_top=options.back_to_top,
        ticker=options.ticker,
        reading_progress=options.reading_progress,
        calendar=options.calendar,
        months=options.months,
        digits=options.digits,
        header_links=_links(options.header_links) if saved else (),
        footer_links=_links(options.footer_links) if saved else (),
        social_links=tuple(
            (link.network, link.get_network_display(), link.url)
            for link in options.social_links.all()
        )
        if saved
        else (),
        footer_text=options.footer_text,
        theme=options.theme,
        licence_key=options.licence_key,
    )


def site_theme(site):
    """The SiteTheme of ``site`` (defaults when there is no site)."""
    if site is None:
        return SiteTheme()
    key = _key(site.pk)
    found = cache.get(key)
    if not isinstance(found, SiteTheme):
        found = _build(site)
        cache.set(key, found, CACHE_TIMEOUT)
    return found


def for_request(request):
    """The request's SiteTheme, looked up once per request."""
    found = getattr(request, "_nashra_theme", None)
    if found is None:
        from wagtail.models import Site

        found = site_theme(Site.find_for_request(request))
        request._nashra_theme = found
    return found


def forget(site_id):
    cache.delete(_key(site_id))
