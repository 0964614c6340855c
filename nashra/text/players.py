"""YouTube and Vimeo links as the player a video story loads on a click (#20).

A video story shows its own poster and a play button; only when the reader
presses it does the page load the host's player, from the host's
privacy-enhanced address (youtube-nocookie.com, Vimeo with ``dnt=1``).
Pure Python, no Django.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{1,12}$")
_YOUTUBE_HOSTS = ("youtube.com", "youtube-nocookie.com")
_YOUTUBE_PATHS = ("embed", "shorts", "live", "v")


@dataclass(frozen=True)
class Player:
    """The host's player for one video: its iframe address and origin."""

    host: str  # "youtube" or "vimeo"
    video_id: str
    embed_url: str  # the iframe's address, played at once
    origin: str  # what the page's frame-src must allow


def _on(host, names):
    return any(host == name or host.endswith("." + name) for name in names)


def _seconds(value):
    """YouTube's t=90, t=90s or t=1m30s as seconds (0 when unreadable)."""
    found = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", value or "")
    if not found or not any(found.groups()):
        return 0
    hours, minutes, seconds = (int(part or 0) for part in found.groups())
    return hours * 3600 + minutes * 60 + seconds


def _youtube_id(parts, host):
    path = [piece for piece in parts.path.split("/") if piece]
    if host == "youtu.be" or host.endswith(".youtu.be"):
        return path[0] if path else ""
    if path[:1] == ["watch"]:
        return (parse_qs(parts.query).get("v") or [""])[0]
    if len(path) >= 2 and path[0] in _YOUTUBE_PATHS:
        return path[1]
    return ""


def player(url):
    """The click-to-load player for a YouTube or Vimeo address, else None.

    >>> player("https://youtu.be/dQw4w9WgXcQ?t=1m5s").embed_url
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=65'
    >>> player("https://vimeo.com/76979871").embed_url
    'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1'
    >>> player("https://example.com/نشرة.mp4") is None
    True
    """
    parts = urlsplit((url or "").strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    if _on(host, _YOUTUBE_HOSTS) or _on(host, ("youtu.be",)):
        video = _youtube_id(parts, host)
        if not _YOUTUBE_ID.match(video):
            return None
        start = _seconds((parse_qs(parts.query).get("t") or [""])[0])
        embed = f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1"
        if start:
            embed += f"&start={start}"
        return Player("youtube", video, embed, "https://www.youtube-nocookie.com")
    if _on(host, ("vimeo.com",)):
        path = [piece for piece in parts.path.split("/") if piece]
        video = next((piece for piece in reversed(path) if _VIMEO_ID.match(piece)), "")
        if not video:
            return None
        embed = f"https://player.vimeo.com/video/{video}?autoplay=1&dnt=1"
        return Player("vimeo", video, embed, "https://player.vimeo.com")
    return None


def iso_duration(seconds):
    """schema.org's ISO 8601 duration: 3725 → "PT1H2M5S".

    >>> iso_duration(185)
    'PT3M5S'
    """
    if not seconds:
        return None
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if secs or text == "PT":
        text += f"{secs}S"
    return text


def clock(seconds):
    """A running time as a player shows it: 185 → "3:05", 3725 → "1:02:05".

    >>> clock(185)
    '3:05'
    """
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
