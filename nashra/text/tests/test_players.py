import pytest

from nashra.text.players import player

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    ],
)
def test_youtube_addresses_play_from_the_nocookie_host(url):
    found = player(url)
    assert found.host == "youtube"
    assert found.embed_url == YOUTUBE
    assert found.origin == "https://www.youtube-nocookie.com"


def test_youtube_start_time_is_kept():
    found = player("https://youtu.be/dQw4w9WgXcQ?t=1m30s")
    assert found.embed_url == YOUTUBE + "&start=90"
    assert player("https://youtu.be/dQw4w9WgXcQ?t=45").embed_url.endswith("start=45")


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871",
        "https://vimeo.com/channels/staffpicks/76979871",
        "https://player.vimeo.com/video/76979871",
    ],
)
def test_vimeo_addresses_play_without_tracking(url):
    found = player(url)
    assert found.host == "vimeo"
    assert found.embed_url == "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"
    assert found.origin == "https://player.vimeo.com"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://example.com/فيديو.mp4",
        "javascript:alert(1)",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload",
        "https://vimeo.com/about",
        "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
    ],
)
def test_other_addresses_have_no_player(url):
    assert player(url) is None


@pytest.mark.parametrize(
    ("seconds", "iso", "shown"),
    [(185, "PT3M5S", "3:05"), (3725, "PT1H2M5S", "1:02:05"), (60, "PT1M", "1:00"),
     (7, "PT7S", "0:07"), (None, None, "")],
)  # fmt: skip
def test_durations(seconds, iso, shown):
    from nashra.text.players import clock, iso_duration

    assert iso_duration(seconds) == iso
    assert clock(seconds) == shown
