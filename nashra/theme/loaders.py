"""Template fallback from the site's theme to the default theme (#4).

The theme middleware puts the active theme's key in a context variable for
the duration of a request. The loader then looks for ``themes/<key>/<name>``
in every app's templates before ``<name>`` itself, so a theme overrides any
template (Wagtail's ``page.get_template()`` names, Django views, includes,
``{% extends %}``) and inherits the rest. The cached loader keys its cache
by theme too, so two sites with different themes never share a template.
"""

from contextvars import ContextVar

from django.template import Origin
from django.template.loaders import cached, filesystem
from django.template.utils import get_app_template_dirs

active_theme = ContextVar("nashra_active_theme", default="")


class ThemeLoader(filesystem.Loader):
    """Settings' DIRS, then every app's templates/, themed names first."""

    def get_dirs(self):
        return [*self.engine.dirs, *get_app_template_dirs("templates")]

    def get_template_sources(self, template_name):
        key = active_theme.get()
        if key and not template_name.startswith("themes/"):
            # Origins keep the requested name, so {% extends %} of the same
            # name skips the themed file and the cache keys see the skip.
            for origin in super().get_template_sources(f"themes/{key}/{template_name}"):
                yield Origin(origin.name, template_name=template_name, loader=self)
        yield from super().get_template_sources(template_name)


class CachedThemeLoader(cached.Loader):
    def cache_key(self, template_name, skip=None):
        return f"{active_theme.get()}|{super().cache_key(template_name, skip)}"
