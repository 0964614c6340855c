"""Installed themes: Django apps that declare themselves with NASHRA_THEME.

A theme app sets ``nashra_theme`` on its AppConfig, a dict with:

- ``key``: short name stored in the site's options and used as the template
  prefix ``themes/<key>/`` (the default theme has no prefix);
- ``name`` and ``version``: shown in the options form;
- ``options``: names of the theme options it honours (informational);
- ``public_key``: the vendor's Ed25519 public key (base64), or empty for a
  theme that needs no licence.

Themes are discovered from INSTALLED_APPS; NASHRA_THEMES adds app modules to
it without editing settings (#4).
"""

from dataclasses import dataclass, field

from django.apps import apps

DEFAULT_THEME_KEY = "default"


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    version: str = "1.0"
    options: tuple[str, ...] = field(default_factory=tuple)
    public_key: str = ""
    app_label: str = ""

    @property
    def needs_licence(self):
        return bool(self.public_key)

    @property
    def template_prefix(self):
        return "" if self.key == DEFAULT_THEME_KEY else f"themes/{self.key}/"


def _declared(config):
    raw = getattr(config, "nashra_theme", None)
    if not isinstance(raw, dict) or not raw.get("key"):
        return None
    return Theme(
        key=str(raw["key"]),
        name=str(raw.get("name", raw["key"])),
        version=str(raw.get("version", "1.0")),
        options=tuple(raw.get("options", ())),
        public_key=str(raw.get("public_key", "")),
        app_label=config.label,
    )


def _app_configs():
    return apps.get_app_configs()


def installed_themes():
    """Every declared theme, the default first."""
    found = [theme for config in _app_configs() if (theme := _declared(config))]
    found.sort(key=lambda theme: (theme.key != DEFAULT_THEME_KEY, theme.key))
    return found


def get_theme(key):
    """The theme with this key, or the default theme if it is not installed."""
    themes = {theme.key: theme for theme in installed_themes()}
    return themes.get(key) or themes[DEFAULT_THEME_KEY]
