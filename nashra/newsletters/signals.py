"""A breaking alert from the article's breaking switch (#19).

The ticker's Breaking row appears when a live article's ``breaking_until``
is set (ArticlePage.sync_breaking); each breaking-news list gets one alert
per article, however often the switch is flipped.
"""

from django.db import IntegrityError, transaction
from django.db.models.signals import post_save

from nashra.articles.models import Breaking


def breaking_alert(sender, instance, created, **kwargs):
    if not created:
        return
    from nashra.newsletters.models import Edition, Kind, NewsletterList
    from nashra.newsletters.sending import start

    article = instance.page.specific
    for newsletter in NewsletterList.objects.filter(kind=Kind.BREAKING, active=True):
        try:
            with transaction.atomic():
                edition = Edition.objects.create(
                    newsletter=newsletter, breaking=article, subject=article.title[:200]
                )
        except IntegrityError:
            continue  # this article's alert went out already
        start(edition)


def connect():
    post_save.connect(
        breaking_alert, sender=Breaking, dispatch_uid="newsletters-breaking"
    )
