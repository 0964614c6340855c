from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WidgetsConfig(AppConfig):
    """The sidebar and footer widgets the newsroom places from the admin (#20)."""

    name = "nashra.widgets"
    label = "widgets"
    verbose_name = _("Widgets")
