from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from nashra.core import jobs


class ArticlesConfig(AppConfig):
    name = "nashra.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from nashra.articles import signals
        from nashra.articles.breaking import expire_breaking
        from nashra.articles.counting import flush_views

        signals.connect()
        # Batched view counts reach the database every interval (#4); the
        # flush holds its own lock, so every scheduler may try it (#13).
        jobs.register("flush-views", flush_views, once_per_interval=False)
        # Breaking flags switch themselves off when their time is up (#14).
        jobs.register("expire-breaking", expire_breaking)
