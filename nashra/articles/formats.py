"""What a story's format puts at its head: the player, the gallery, the
columnist (#20). The editor's fields are in models/formats.py and on the
article; this reads them for the page, allowing the player's host in the
page's Content-Security-Policy only on a page that has one."""

from urllib.parse import urlsplit

from django.db.models import Prefetch
from wagtail.images import get_image_model

from nashra.articles.models.formats import StoryFormat
from nashra.core import csp
from nashra.core.display import site_number
from nashra.text.players import clock, iso_duration, player

# What the gallery's grid and its full-screen viewer ask for.
GRID = ("fill-320x240|format-webp", "fill-640x480|format-webp",
        "fill-320x240|format-jpeg", "fill-640x480|format-jpeg")  # fmt: skip
VIEWER = ("width-960|format-webp", "width-1920|format-webp", "width-1920|format-jpeg")
# The player's own poster box: our featured image, never the host's.
POSTER = "fill-1280x720|format-jpeg"


def _origin(url):
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def _external(request, url):
    """Let the page play ``url`` from another host (media-src)."""
    origin = _origin(url)
    if origin:
        csp.allow_sources(request, "media-src", [origin])


def gallery_photos(page):
    """The gallery's photos in the editor's order, renditions prefetched:
    two queries whatever the number of photos."""
    found = getattr(page, "_nashra_gallery", None)
    if found is None:
        # The page and its JSON-LD (feeds.metadata) both read them: once.
        images = get_image_model().objects.prefetch_renditions(*GRID, *VIEWER)
        photos = page.gallery_photos.all()
        found = list(photos.prefetch_related(Prefetch("image", queryset=images)))
        page._nashra_gallery = found
    return found


def photo_caption(photo):
    return photo.caption or photo.image.caption


def photo_credit(photo):
    return photo.credit or photo.image.credit


def _duration(request, page):
    seconds = page.media_duration
    return {"iso": iso_duration(seconds),
            "shown": site_number(request, clock(seconds))} if seconds else None  # fmt: skip


def story_media(page, request=None, authors=()):
    """The template values of the story's lead media, or {} for a standard
    story (and a format whose media the editor has not given)."""
    kind = page.format
    if kind == StoryFormat.VIDEO:
        if page.video_file_id and page.video_file:
            document = page.video_file
            return {"kind": "video", "src": document.url,
                    "type": document.content_type, "duration": _duration(request, page)}  # fmt: skip
        found = player(page.video_url)
        if found:
            csp.allow_sources(request, "frame-src", [found.origin])
            return {"kind": "player", "player": found}
        if page.video_url:
            _external(request, page.video_url)
            return {"kind": "video", "src": page.video_url, "type": "",
                    "duration": _duration(request, page)}  # fmt: skip
    elif kind == StoryFormat.AUDIO:
        if page.audio_file_id and page.audio_file:
            document = page.audio_file
            src, kind_of = document.url, document.content_type
        elif page.audio_url and _origin(page.audio_url):
            src, kind_of = page.audio_url, ""
            _external(request, src)
        else:
            return {}
        return {"kind": "audio", "src": src, "type": kind_of,
                "duration": _duration(request, page)}  # fmt: skip
    elif kind == StoryFormat.GALLERY:
        photos = gallery_photos(page)
        if photos:
            return {
                "kind": "gallery",
                "photos": [(p, photo_caption(p), photo_credit(p)) for p in photos],
                "digits": site_number(request, "0123456789"),
            }
    elif kind == StoryFormat.OPINION:
        columnist = authors[0] if authors else None
        return {"kind": "opinion", "columnist": columnist}
    return {}
