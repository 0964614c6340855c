from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrayerConfig(AppConfig):
    name = "nashra.prayer"
    label = "prayer"
    verbose_name = _("Prayer times")
