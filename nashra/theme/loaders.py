"""Template fallback from the site's theme to the default theme (#4).

The theme middleware puts the active theme's key in a context variable for
the duration of a request. The loader then looks for ``themes/<key>/<name>``
in every app's templates before ``<name>`` itself, so a theme overrides any
template (Wagtail's ``page.get_template()`` names, Django views, includes,
``{% extends %}``) and inherits the rest. The cached loader keys its cache
by theme too, so two sites with different themes never share a template.
"""

from contextvars import ContextVar

from django.template.loaders import app_directories, cached

active_theme = ContextVar("nashra_active_theme", default="")


class ThemeLoader(app_directories.Loader):
    def get_template_sources(self, template_name):
        key = active_theme.get()
        if key and not template_name.startswith("themes/"):
            yield from super().get_template_sources(f"themes/{key}/{template_name}")
        yield from super().get_template_sources(template_name)


class CachedThemeLoader(cached.Loader):
    def cache_key(self, template_name, skip=None):
        return f"{active_theme.get()}|{super().cache_key(template_name, skip)}"
