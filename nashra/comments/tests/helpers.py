"""Shared set-up for comment tests: a small newspaper, options and form posts."""

from django.urls import reverse
from wagtail.models import Site

from nashra.comments import tokens
from nashra.comments.models import CommentOptions
from nashra.core.tests.factories import build_newspaper

READER_IP = "203.0.113.7"


def set_options(**values):
    """Change the default site's comment options (fast defaults for tests)."""
    options = CommentOptions.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(options, name, value)
    options.save()
    return options


def newspaper_with_options(**values):
    paper = build_newspaper(articles_per_section=1)
    set_options(**{"min_fill_seconds": 0, "flood_seconds": 0, **values})
    return paper


def form_data(article, **overrides):
    data = {
        "name": "سارة علي",
        "email": "sara@example.com",
        "website": "",
        "body": "مقال مفيد، شكراً للكاتبة.",
        "parent": "",
        "token": tokens.issue(article.pk),
        "homepage": "",
        "js": "1",
    }
    data.update(overrides)
    return data


def post(client, article, *, ip=READER_IP, **overrides):
    return client.post(
        reverse("comments:post", args=[article.pk]),
        form_data(article, **overrides),
        REMOTE_ADDR=ip,
    )
