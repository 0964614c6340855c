from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from nashra.core import slots


class AdsConfig(AppConfig):
    name = "nashra.ads"
    label = "ads"
    verbose_name = _("Advertising")

    def ready(self):
        from nashra.ads.render import in_body

        # The article page offers these; it does not know ads exist (#13, #20).
        slots.fill("below_title", "ads/slots/below_title.html")
        slots.rewrite("article_body", in_body)
