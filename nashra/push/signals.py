"""A browser notification from the article's breaking switch (#19).

The same trigger as the newsletters' breaking alert: the ticker's Breaking
row is created when a live article's ``breaking_until`` is set. The
PushAlert row (one per article) keeps a re-flipped switch from notifying
readers twice.
"""

from django.db import IntegrityError, transaction
from django.db.models.signals import post_save

from nashra.articles.models import Breaking


def breaking_push(sender, instance, created, **kwargs):
    if not created:
        return
    from nashra.push.models import PushAlert
    from nashra.push.sending import prepare

    try:
        with transaction.atomic():
            alert = PushAlert.objects.create(article_id=instance.page_id)
    except IntegrityError:
        return  # this article's notification went out already
    transaction.on_commit(lambda: prepare.enqueue(alert.pk))


def connect():
    post_save.connect(breaking_push, sender=Breaking, dispatch_uid="push-breaking")
