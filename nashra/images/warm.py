"""Renditions are made when a photo is saved, not when readers first see it.

A breaking story's photo is first viewed by its whole audience at once;
making its AVIF and WebP copies then costs the first readers seconds (#12).
WordPress makes its sizes at upload for the same reason. The work runs
after the saving transaction commits, so an upload or import never holds
the database while it encodes, and a photo Pillow cannot read is logged,
not refused: the library keeps it and pages fall back as before.
"""

import logging
from functools import partial

from django.db import transaction
from wagtail.images import get_image_model

from nashra.images.renditions import EVERY

log = logging.getLogger(__name__)


def make_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    try:
        image.get_renditions(*EVERY)
    except Exception:  # any decoder error: the page falls back at view time
        log.warning("renditions of image %s could not be made", image_id, exc_info=True)


def after_save(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    transaction.on_commit(partial(make_renditions, instance.pk))
