from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from nashra.core import slots


class LiveConfig(AppConfig):
    name = "nashra.live"
    label = "live"
    verbose_name = _("Live coverage")

    def ready(self):
        # Article cards and the ticker offer slots; a live page shows its
        # «مباشر» badge there while it is live (#15).
        slots.fill("card", "live/slots/card.html")
        slots.fill("ticker_item", "live/slots/card.html")
