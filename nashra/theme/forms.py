"""The theme options form: colours that stay readable, keys that fit the site."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from nashra.text.dates import format_date
from nashra.theme import contrast, licences
from nashra.theme.registry import get_theme, installed_themes

PAGE_BACKGROUND = "#ffffff"

LICENCE_MESSAGES = {
    licences.REASON_MALFORMED: _(
        "This is not a licence key: check that it was copied whole, from "
        "“NASHRA1.” to the last character."
    ),
    licences.REASON_BAD_SIGNATURE: _(
        "This key was not signed by the theme's vendor, or it was altered after "
        "signing. Ask the vendor for a new key."
    ),
    licences.REASON_WRONG_THEME: _(
        "This key is for another theme. Choose that theme or ask the vendor for a "
        "key for this one."
    ),
    licences.REASON_WRONG_DOMAIN: _(
        "This key is for the domain %(domain)s, not for this site (%(site)s). "
        "Each domain needs its own key."
    ),
    licences.REASON_EXPIRED: _(
        "This key expired on %(expires)s. Ask the vendor to renew it."
    ),
}


def colour_problem(value):
    """An Arabic message if the colour is unusable as text on the page, else None."""
    try:
        contrast.parse_hex_colour(value)
    except ValueError:
        return _(
            "Write the colour as # followed by six hexadecimal digits, e.g. #9b1c1c."
        )
    ratio = contrast.contrast_ratio(value, PAGE_BACKGROUND)
    if not contrast.meets_aa(value, PAGE_BACKGROUND):
        return _(
            "This colour is too light to read on a white page: its contrast is "
            "%(ratio).1f:1 and accessible text (WCAG AA) needs at least 4.5:1. "
            "Choose a darker shade."
        ) % {"ratio": ratio}
    return None


def licence_problem(options, key, theme_key, today=None):
    """Why ``key`` does not license ``theme_key`` on the options' site, or None."""
    theme = get_theme(theme_key)
    if not theme.needs_licence or not key:
        return None
    check = licences.verify_licence(
        key,
        public_key_b64=theme.public_key,
        theme=theme.key,
        domain=options.site.hostname,
        today=today or timezone.localdate(),
    )
    if check.ok:
        return None
    return LICENCE_MESSAGES[check.reason] % {
        "domain": check.domain or "",
        "site": options.site.hostname,
        "expires": format_date(check.expires, weekday=False) if check.expires else "",
    }


class ThemeOptionsForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "theme" in self.fields:
            self.fields["theme"] = forms.ChoiceField(
                label=self.fields["theme"].label,
                help_text=self.fields["theme"].help_text,
                choices=[(t.key, f"{t.name} {t.version}") for t in installed_themes()],
            )

    def _clean_colour(self, name):
        value = (self.cleaned_data.get(name) or "").strip().lower()
        problem = colour_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        return value

    def clean_primary_colour(self):
        return self._clean_colour("primary_colour")

    def clean_accent_colour(self):
        return self._clean_colour("accent_colour")

    def clean_licence_key(self):
        return "".join((self.cleaned_data.get("licence_key") or "").split())

    def clean(self):
        cleaned = super().clean()
        problem = licence_problem(
            self.instance, cleaned.get("licence_key"), cleaned.get("theme")
        )
        if problem:
            self.add_error("licence_key", problem)
        return cleaned
