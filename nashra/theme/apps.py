from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemeConfig(AppConfig):
    name = "nashra.theme"
    label = "theme"
    verbose_name = _("Theme")
    # The default theme: ships with Nashra, needs no licence (#4).
    nashra_theme = {
        "key": "default",
        "name": "نشرة",
        "version": "1.0",
        "options": ("all",),
        "public_key": "",
    }

    def display_options(self, request):
        """How the request's site writes dates and digits (nashra.core.display)."""
        from nashra.theme.options import for_request

        return for_request(request).display
