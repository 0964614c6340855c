from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from nashra.core import slots


class LiveConfig(AppConfig):
    name = "nashra.live"
    label = "live"
    verbose_name = _("Live coverage")

    def ready(self):
        # Article cards offer a slot; a live page's card shows its badge (#15).
        slots.fill("card", "live/slots/card.html")
