from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "nashra.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from nashra.articles import signals

        signals.connect()
