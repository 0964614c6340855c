"""Jannah's featured media: which hosts an embed may come from, and the
imported attachment a media URL points at (#21).

An embed code is never stored as HTML: the address of its iframe becomes an
embed block, a link card that loads nothing from the host until the reader
asks, and only when that host is on the list below.
"""

import html
import re
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model

from .images import url_path
from .models import ImportedObject

VIDEO_HOSTS = ("youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com")
# Players a newsroom embeds; anything else in an embed code is reported.
EMBED_HOSTS = (
    *VIDEO_HOSTS, "soundcloud.com", "dailymotion.com", "dai.ly", "facebook.com",
    "twitter.com", "x.com", "instagram.com", "spotify.com", "tiktok.com",
    "podcasts.apple.com", "anghami.com", "google.com",
)  # fmt: skip
_SRC = re.compile(r"""<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def _host_in(url: str, hosts) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def is_video_host(url: str) -> bool:
    """A YouTube or Vimeo address, which the video link field takes."""
    return urlsplit(url).scheme in ("http", "https") and _host_in(url, VIDEO_HOSTS)


def embed_url(code: str, *, any_host: bool = False) -> str | None:
    """The https address behind an embed code or a bare URL, when its host
    is allowed (any host for a plain link, which stays a link)."""
    text = html.unescape(code or "").strip()
    found = _SRC.search(text)
    url = found.group(1).strip() if found else text
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        return None
    if len(url) > 500:
        return None
    return url if any_host or _host_in(url, EMBED_HOSTS) else None


def attachment_document(run, url: str) -> int | None:
    """The document imported from the export's attachment at this URL."""
    path = url_path(url)
    if not path:
        return None
    document_type = ContentType.objects.get_for_model(get_document_model())
    return (
        ImportedObject.objects.filter(
            source=run.ledger.source,
            kind="attachment",
            content_type=document_type,
            url=path,
        )  # fmt: skip
        .values_list("object_id", flat=True)
        .first()
    )
