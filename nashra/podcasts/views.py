"""A show's page: its cover, description and episodes with their players."""

from urllib.parse import urlsplit

from django.shortcuts import get_object_or_404, render

from nashra.core import csp
from nashra.podcasts import episodes
from nashra.podcasts.models import Podcast


def show(request, slug):
    podcast = get_object_or_404(
        Podcast.objects.select_related("cover", "section"), slug=slug
    )
    found = episodes.published(podcast)
    # An episode linked from another host plays only if the policy lets it;
    # preload="none" keeps that host unasked until the listener presses play.
    hosts = {_origin(episode.audio_address()) for episode in found}
    csp.allow_sources(request, "media-src", sorted(host for host in hosts if host))
    return render(
        request,
        "podcasts/show_page.html",
        {"podcast": podcast, "episodes": found, "page_title": podcast.title},
    )


def _origin(address):
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None
