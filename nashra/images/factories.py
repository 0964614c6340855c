"""Seeded test and demo images, made locally (no download)."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def jpeg_bytes(width=64, height=36, colour=(155, 28, 28)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def create_image(title="صورة", *, data=None, filename="image.jpg", **fields):
    """A NewsImage stored in MEDIA_ROOT from raw bytes (a small JPEG by default)."""
    content = ImageFile(io.BytesIO(data or jpeg_bytes()), name=filename)
    return get_image_model().objects.create(title=title, file=content, **fields)
