"""Shared set-up for page-cache tests: a newspaper and cache-aware fetches."""

from django.test import Client

from nashra.core import shared, versions
from nashra.core.tests.factories import build_newspaper
from nashra.pagecache import entries


def reader():
    """A reader's browser: no cookies at all."""
    return Client()


def fresh_paper():
    versions.reset_store()
    entries.reset()
    shared.reset()
    return build_newspaper(articles_per_section=2)


def twice(client, url, **extra):
    """Fetch a URL twice; the second answer should come from the cache."""
    first = client.get(url, **extra)
    second = client.get(url, **extra)
    return first, second
