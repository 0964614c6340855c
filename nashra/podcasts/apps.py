from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from nashra.core import slots


class PodcastsConfig(AppConfig):
    name = "nashra.podcasts"
    label = "podcasts"
    verbose_name = _("Podcasts")

    def ready(self):
        from nashra.podcasts import signals

        signals.connect()
        # The article page offers the slot; it does not know podcasts exist.
        slots.fill("below_title", "podcasts/episode_of.html")
