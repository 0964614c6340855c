"""The typefaces ship as small WOFF2 subsets with their licence (#12).

The full TTF files were ~480 KB a page on a phone. The subsets are committed,
made by scripts/subset_fonts.py; these tests fail when they fall out of step
with the ranges or the font packages, or miss a character the site writes.
"""

from importlib import import_module
from pathlib import Path

import polib
import pytest

from nashra.theme.fonts import TYPEFACES, UNICODE_RANGES

NASHRA = Path(__file__).resolve().parents[2]
STATIC = NASHRA / "theme" / "static"
FILES = [(face, weight, path) for face in TYPEFACES for weight, path in face.files()]
# Drawn by the reader's system fonts: symbols no Arabic text face carries.
SYSTEM_SYMBOLS = set("▶✈♪•")
# Characters the site writes that a typeface itself lacks (not the subset's
# doing: the source font has no arrows).
NOT_IN_FACE = {"amiri": set("←↑→")}


def ids(item):
    return item[2].rsplit("/", 1)[-1]


def font(path):
    ttlib = pytest.importorskip("fontTools.ttLib")
    pytest.importorskip("brotli")
    return ttlib.TTFont(STATIC / path)


def in_ranges(codepoint):
    for item in UNICODE_RANGES:
        low, _, high = item.removeprefix("U+").partition("-")
        if int(low, 16) <= codepoint <= int(high or low, 16):
            return True
    return False


def site_text():
    """Every character of the Arabic catalogue and of the templates."""
    catalogue = polib.pofile(str(NASHRA / "locale/ar/LC_MESSAGES/django.po"))
    text = "".join(
        entry.msgstr + "".join(entry.msgstr_plural.values()) for entry in catalogue
    )
    text += "".join(p.read_text() for p in NASHRA.rglob("templates/**/*.html"))
    return {ch for ch in text if ch.isprintable() and not ch.isspace()}


@pytest.mark.parametrize("item", FILES, ids=ids)
def test_each_weight_is_a_small_woff2(item):
    face, _weight, path = item
    data = (STATIC / path).read_bytes()
    assert data[:4] == b"wOF2"
    limit = 40_000 if face.key == "plex" else 110_000
    assert len(data) < limit


@pytest.mark.parametrize("face", TYPEFACES, ids=lambda face: face.key)
def test_the_licence_travels_with_the_files(face):
    folder = STATIC / face.static_prefix
    assert "SIL Open Font License" in (folder / "OFL.txt").read_text()
    note = (folder / "SOURCE.txt").read_text()
    assert face.family in note and face.web_family in note


@pytest.mark.parametrize("item", FILES, ids=ids)
def test_subset_is_the_package_font_cut_to_the_ranges(item):
    """Re-run scripts/subset_fonts.py when this fails."""
    face, _weight, path = item
    try:
        root = Path(import_module(face.package).ROOT)
    except ImportError:
        pytest.skip(f"{face.package} is a [dev] dependency")
    subset = font(path)
    style = path.rsplit("-", 1)[1].removesuffix(".woff2")
    source = font(root / "files" / f"{face.source_stem}-{style}.ttf")
    wanted = {cp for cp in source.getBestCmap() if in_ranges(cp)}
    assert set(subset.getBestCmap()) == wanted
    assert subset["name"].getDebugName(1) == face.web_family
    # Arabic joins through the layout tables: they must survive the cut.
    features = {r.FeatureTag for r in subset["GSUB"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina", "rlig"} <= features
    assert "fpgm" not in subset and "prep" not in subset  # no hinting


@pytest.mark.parametrize("item", FILES, ids=ids)
def test_subset_draws_everything_the_site_writes(item):
    face, _weight, path = item
    covered = set(font(path).getBestCmap())
    expected = site_text() - SYSTEM_SYMBOLS - NOT_IN_FACE.get(face.key, set())
    missing = {ch for ch in expected if ord(ch) not in covered}
    assert missing == set()
