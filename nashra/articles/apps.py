from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from nashra.core import jobs


def byline_users_pages(user):
    from nashra.articles.models import ArticlePageAuthor

    links = ArticlePageAuthor.objects.filter(author__user_id=user.pk)
    return links.values("page_id")


class ArticlesConfig(AppConfig):
    name = "nashra.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from nashra.articles import signals
        from nashra.articles.breaking import expire_breaking
        from nashra.articles.counting import flush_views
        from nashra.newsroom import sharing

        signals.connect()
        # A draft is shared with the staff accounts on its byline (#14).
        sharing.register(byline_users_pages)
        # Batched view counts reach the database every interval (#4); the
        # flush holds its own lock, so every scheduler may try it (#13).
        jobs.register("flush-views", flush_views, once_per_interval=False)
        # Breaking flags switch themselves off when their time is up (#14).
        jobs.register("expire-breaking", expire_breaking)
