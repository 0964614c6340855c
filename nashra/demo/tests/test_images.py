"""Demo pictures are generated locally; they must be stable, valid and fast."""

import io
import time

import pytest
from PIL import Image

from nashra.demo.images import IMAGE_KEYS, render_image


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("key", ["world-terra-summit", "ثقافة-مهرجان", "x"])
def test_same_key_same_bytes(key):
    """Reloading the demo must not churn the media folder with new files."""
    assert render_image(key, 320, 180) == render_image(key, 320, 180)


@pytest.mark.parametrize(("width", "height"), [(1600, 900), (640, 360), (300, 400)])
def test_valid_jpeg_of_requested_size(width, height):
    """Wagtail renditions fail on undecodable or wrongly sized originals."""
    image = decode(render_image("sport-derby-night", width, height))
    assert image.format == "JPEG"
    assert image.size == (width, height)
    assert image.mode == "RGB"


def test_different_keys_differ():
    """Identical thumbnails would hide bugs in which image goes with which story."""
    rendered = {render_image(key, 160, 90) for key in IMAGE_KEYS}
    assert len(rendered) == len(IMAGE_KEYS)


@pytest.mark.parametrize("key", IMAGE_KEYS)
def test_every_content_key_renders(key):
    """The loader asks for every key the content names, featured and inline."""
    assert decode(render_image(key, 96, 54)).size == (96, 54)


def test_unknown_kind_still_renders():
    """A typo in a key's prefix must not crash the loader."""
    assert decode(render_image("unknown-kind", 64, 36)).size == (64, 36)


@pytest.mark.parametrize(
    ("key", "width", "height"), [("", 100, 100), ("world-x", 4, 4), ("world-x", 0, 9)]
)
def test_bad_input_rejected(key, width, height):
    """An empty key or a degenerate size is a loader bug, reported loudly."""
    with pytest.raises(ValueError):
        render_image(key, width, height)


def test_full_size_render_is_fast():
    """Loading ~45 pictures must stay a few seconds (budget 100 ms each, 3x slack)."""
    render_image("economy-warm-up")
    start = time.perf_counter()
    for key in IMAGE_KEYS[:5]:
        render_image(key)
    assert (time.perf_counter() - start) / 5 < 0.3
