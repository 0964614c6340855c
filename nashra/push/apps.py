from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PushConfig(AppConfig):
    """Breaking news as browser notifications, by Web Push (#19)."""

    name = "nashra.push"
    label = "push"
    verbose_name = _("Browser notifications")

    def ready(self):
        from nashra.push import signals

        signals.connect()
