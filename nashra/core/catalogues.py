"""Compile the gettext catalogues with polib, so a fresh machine needs no gettext."""

from pathlib import Path

import polib
from django.conf import settings


def compile_catalogues(force=False):
    """Write each .mo beside its .po when missing or older; returns the paths written."""
    written = []
    for locale_dir in settings.LOCALE_PATHS:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            stale = (
                not mo_path.exists()
                or mo_path.stat().st_mtime < po_path.stat().st_mtime
            )
            if force or stale:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                written.append(mo_path)
    return written
