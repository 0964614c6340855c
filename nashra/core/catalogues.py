"""Compile the gettext catalogues with polib, so a fresh machine needs no gettext.

No Django here: `nashra` compiles before Django loads, because django.setup()
already reads and caches the Arabic catalogue, and a catalogue compiled after
that stays unseen until the next start (#12). The wheel ships them compiled
(setup.py), so an installed site is Arabic even where its files are read-only.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def stale_catalogues(locale_dir=LOCALE_DIR):
    """The (.po, .mo) pairs whose .mo is missing or older than its .po."""
    pairs = []
    for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            pairs.append((po_path, mo_path))
    return pairs


def compile_catalogue(po_path, mo_path):
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))


def compile_catalogues(force=False, locale_dir=LOCALE_DIR):
    """Write each .mo beside its .po when missing or older; returns the paths written.

    An installed package may be read-only: its shipped .mo files are used then.
    """
    if force:
        pairs = [
            (po, po.with_suffix(".mo"))
            for po in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))
        ]
    else:
        pairs = stale_catalogues(locale_dir)
    written = []
    for po_path, mo_path in pairs:
        try:
            compile_catalogue(po_path, mo_path)
        except OSError:
            continue
        written.append(mo_path)
    return written
