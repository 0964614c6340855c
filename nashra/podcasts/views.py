"""A show's page: its cover, description and episodes with their players."""

from django.shortcuts import get_object_or_404, render

from nashra.podcasts import episodes
from nashra.podcasts.models import Podcast


def show(request, slug):
    podcast = get_object_or_404(
        Podcast.objects.select_related("cover", "section"), slug=slug
    )
    return render(
        request,
        "podcasts/show_page.html",
        {
            "podcast": podcast,
            "episodes": episodes.published(podcast),
            "page_title": podcast.title,
        },
    )
