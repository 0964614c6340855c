"""Editions built for the editor to reorder and annotate (#19)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nashra.articles.counting import most_read
from nashra.articles.models import ArticlePage
from nashra.newsletters.models import Edition, EditionStory, Kind

DIGEST_SIZE = 8


def _published():
    return ArticlePage.objects.live().public()


def top_stories(site_root, *, day=None, limit=DIGEST_SIZE):
    """The day's most read articles, topped up with the day's newest."""
    day = day or timezone.localdate()
    ids = [pk for pk, _views in most_read(site_root, 1, limit)]
    found = {a.pk: a for a in _published().filter(pk__in=ids)}
    chosen = [found[pk] for pk in ids if pk in found]
    if len(chosen) < limit:
        newest = (
            _published().descendant_of(site_root)
            .filter(published_at__date=day).exclude(pk__in=[a.pk for a in chosen])
            .order_by("-published_at")[: limit - len(chosen)]
        )  # fmt: skip
        chosen += list(newest)
    return chosen


def section_stories(section, *, days=7, limit=DIGEST_SIZE):
    since = timezone.now() - timedelta(days=days)
    return list(
        _published().child_of(section).filter(published_at__gte=since)
        .order_by("-published_at")[:limit]
    )  # fmt: skip


def draft_edition(newsletter, site_root):
    """A draft with the stories the list's kind calls for, in order."""
    if newsletter.kind == Kind.SECTION and newsletter.section_id:
        articles = section_stories(newsletter.section)
    else:
        articles = top_stories(site_root)
    subject = f"{newsletter.name} · {date_format(timezone.localdate(), 'j F Y')}"
    edition = Edition.objects.create(
        newsletter=newsletter, subject=subject[:200] or _("Newsletter")
    )
    EditionStory.objects.bulk_create(
        [EditionStory(edition=edition, article=a, sort_order=i)
         for i, a in enumerate(articles)]
    )  # fmt: skip
    return edition
