from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from nashra.core import jobs, slots


class NewslettersConfig(AppConfig):
    """Reader alerts by e-mail: lists, double opt-in, editions, a send ledger (#19)."""

    name = "nashra.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from nashra.newsletters import signals, suppression
        from nashra.newsletters.sending import start_due

        signals.connect()
        suppression.connect()
        # Scheduled editions go out when their time comes (#19).
        jobs.register("newsletter-schedule", start_due)
        # The article page offers a slot; the subscribe form fills it (#19).
        slots.fill("after_article", "newsletters/slots/after_article.html")
