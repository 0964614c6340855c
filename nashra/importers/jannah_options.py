"""Jannah's site-wide theme options into Nashra's theme options (#21).

WordPress keeps them in one `wp_options` row, `tie_jannah_options`, which a
WXR export never carries. Jannah's own Theme Options → Backup → "Download
Export File" writes that row as JSON (`jannah-options-<date>.dat`); a dump of
the row itself is PHP-serialized. Both are read. The logo must already be
here: it is matched to an image imported from the same site's export.
"""

import json
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Site

from nashra.text.phpvalues import PHPValueError, unserialize
from nashra.text.reading import plain_text
from nashra.theme import contrast
from nashra.theme.models import SocialLink, ThemeOptions

from .images import url_path
from .models import ImportedObject

# Jannah's social option (an array network → address), to Nashra's networks.
NETWORKS = {
    "facebook": "facebook", "twitter": "x", "x": "x", "instagram": "instagram",
    "youtube": "youtube", "telegram": "telegram", "whatsapp": "whatsapp",
    "tiktok": "tiktok", "linkedin": "linkedin", "rss": "rss",
}  # fmt: skip
# Keys read together with another one, counted with it.
IGNORED = {
    "breaking_title": "the ticker's label is the site's own",
    "breaking_effect": "the ticker has one calm motion",
    "breaking_speed": "the ticker has one calm motion",
    "breaking_arrows": "the ticker has one calm motion",
    "breaking_type": "the ticker lists the stories the desk marks as breaking",
    "breaking_cat": "the ticker lists the stories the desk marks as breaking",
    "breaking_tag": "the ticker lists the stories the desk marks as breaking",
    "breaking_number": "the ticker lists the stories the desk marks as breaking",
    "breaking_custom": "the ticker lists the stories the desk marks as breaking",
    "logo_retina": "one logo image serves every screen",
    "logo_inverted": "one logo image serves every screen",
    "logo_inverted_retina": "one logo image serves every screen",
}
MAX_BYTES = 20 * 1024 * 1024


class OptionsError(ValueError):
    """The file is not a Jannah options export."""


@dataclass
class OptionsReport:
    mapped: dict[str, str] = field(default_factory=dict)
    ignored: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        lines = [f"theme options: {len(self.mapped)} mapped, "
                 f"{len(self.ignored)} ignored"]  # fmt: skip
        lines += [f"  {key}: mapped ({into})" for key, into in self.mapped.items()]
        lines += [f"  {key}: ignored ({why})" for key, why in self.ignored.items()]
        return lines

    def as_dict(self) -> dict:
        return {"mapped": self.mapped, "ignored": self.ignored}


def read_options(data: bytes) -> dict:
    """The options array of an export file; OptionsError when it is not one."""
    if len(data) > MAX_BYTES:
        raise OptionsError("the file is larger than any theme options export")
    try:
        text = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError as error:
        raise OptionsError("the file is not UTF-8 text") from error
    try:
        options = json.loads(text)
    except ValueError:
        try:
            options = unserialize(text)
        except PHPValueError as error:
            raise OptionsError("the file is neither JSON nor a PHP-serialized "
                               "options array") from error  # fmt: skip
    if not isinstance(options, dict) or not options:
        raise OptionsError("the file holds no theme options")
    return {str(key): value for key, value in options.items()}


def import_options(options: dict, site: Site | None = None, *,
                   dry_run=False) -> OptionsReport:  # fmt: skip
    """Map the options onto the site's theme options, in one transaction."""
    site = site or Site.objects.get(is_default_site=True)
    theme = ThemeOptions.for_site(site)
    report = OptionsReport()
    with transaction.atomic():
        socials = _apply(theme, options, report)
        if not dry_run:
            theme.save()
            if socials is not None:
                theme.social_links.all().delete()
                SocialLink.objects.bulk_create(
                    SocialLink(options=theme, network=network, url=url, sort_order=n)
                    for n, (network, url) in enumerate(socials)
                )
    return report


def _text(value) -> str:
    return plain_text(str(value or "")).strip() if not isinstance(value, dict) else ""


def _apply(theme, options, report):
    for key in options:
        if key in IGNORED:
            report.ignored[key] = IGNORED[key]
    _colours(theme, options, report)
    _logo(theme, options, report)
    _footer(theme, options, report)
    _switches(theme, options, report)
    socials = _social(options, report)
    for key in options:
        if key not in report.mapped and key not in report.ignored:
            report.ignored[key] = "no equivalent theme option"
    return socials


def _colours(theme, options, report) -> None:
    colour = str(options.get("global_color") or "").strip()
    if colour:
        try:
            readable = contrast.meets_aa(colour, contrast.WHITE)
        except ValueError:
            report.ignored["global_color"] = "not a hex colour"
        else:
            if readable:
                theme.primary_colour = _six_digits(colour)
                report.mapped["global_color"] = "primary colour"
            else:
                report.ignored["global_color"] = "too light to read on a white page"
    if options.get("dark_skin") == "true":
        theme.colour_scheme = "dark"
        report.mapped["dark_skin"] = "colour scheme: dark"
    if options.get("system_skin") == "true":
        theme.colour_scheme = "auto"
        report.mapped["system_skin"] = "colour scheme: follow the reader's system"


def _six_digits(colour: str) -> str:
    r, g, b = contrast.parse_hex_colour(colour)
    return f"#{r:02x}{g:02x}{b:02x}"


def _logo(theme, options, report) -> None:
    url = str(options.get("logo") or "").strip()
    if url:
        image_type = ContentType.objects.get_for_model(get_image_model())
        found = (
            ImportedObject.objects.filter(
                kind="attachment", content_type=image_type, url=url_path(url)
            )
            .values_list("object_id", flat=True)
            .first()
        )
        if found:
            theme.logo_id = found
            report.mapped["logo"] = "logo"
        else:
            report.ignored["logo"] = ("not among the imported images: import the "
                                      "WordPress export with its media first")  # fmt: skip
    name = _text(options.get("logo_text"))
    if name:
        theme.site_name = name[:100]
        report.mapped["logo_text"] = "site name"


def _footer(theme, options, report) -> None:
    texts = []
    for key in ("footer_one", "footer_two"):
        text = _text(options.get(key))
        if text:
            texts.append(text)
            report.mapped[key] = "footer text"
    if texts:
        joined = "\n".join(texts)
        # Jannah's variables: the year becomes the import's (a note says so).
        joined = joined.replace("%year%", str(timezone.localdate().year))
        joined = joined.replace("%site%", theme.site_name or theme.site.site_name)
        joined = joined.replace("%url%", theme.site.root_url)
        theme.footer_text = joined[:2000]


def _switches(theme, options, report) -> None:
    if "footer_top" in options:
        theme.back_to_top = options.get("footer_top") == "true"
        report.mapped["footer_top"] = "back-to-top button"
    areas = ("top-nav-area-1", "top-nav-area-2")
    if any(key in options for key in areas):
        theme.ticker = any(options.get(key) == "breaking" for key in areas)
        for key in areas:
            if key in options:
                report.mapped[key] = "breaking-news ticker"


def _social(options, report):
    social = options.get("social")
    if "social" not in options:
        return None
    links = []
    if isinstance(social, dict):
        for network, url in social.items():
            url = str(url or "").strip()
            ours = NETWORKS.get(str(network).lower())
            if ours and re.match(r"^https?://\S+$", url) and len(url) <= 200:
                links.append((ours, url))
            elif url:
                report.ignored[f"social.{network}"[:60]] = "no such network here"
    report.mapped["social"] = f"social profiles ({len(links)})"
    return links
