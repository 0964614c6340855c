"""The typefaces ship as small WOFF2 subsets with their licence (#12).

The full TTF files were ~480 KB a page on a phone. The subsets are committed,
made by scripts/subset_fonts.py; these tests fail when they fall out of step
with the ranges or the font packages, or miss a character the site writes.
"""

from importlib import import_module
from pathlib import Path

import polib
import pytest

from nashra.theme.fonts import SUBSETS, TYPEFACES, UNICODE_RANGES
from nashra.theme.style import font_preloads, font_rules

NASHRA = Path(__file__).resolve().parents[2]
STATIC = NASHRA / "theme" / "static"
FILES = [(face, file) for face in TYPEFACES for file in face.files()]
WEIGHTS = [(face, weight) for face in TYPEFACES for weight, _style in face.styles]
# Drawn by the reader's system fonts: symbols no Arabic text face carries.
SYSTEM_SYMBOLS = set("▶✈♪•")
# Characters the site writes that a typeface itself lacks (not the subset's
# doing: the source font has no arrows).
NOT_IN_FACE = {"amiri": set("←↑→")}


def ids(item):
    return item[1].path.rsplit("/", 1)[-1]


def weight_ids(item):
    return f"{item[0].key}-{item[1]}"


def font(path):
    ttlib = pytest.importorskip("fontTools.ttLib")
    pytest.importorskip("brotli")
    return ttlib.TTFont(STATIC / path)


def codepoints(ranges):
    found = set()
    for item in ranges:
        low, _, high = item.removeprefix("U+").partition("-")
        found.update(range(int(low, 16), int(high or low, 16) + 1))
    return found


def in_ranges(codepoint, ranges=UNICODE_RANGES):
    for item in ranges:
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
def test_each_file_is_a_small_woff2(item):
    face, file = item
    data = (STATIC / file.path).read_bytes()
    assert data[:4] == b"wOF2"
    limit = 20_000 if face.key == "plex" else 60_000
    assert len(data) < limit


def test_the_subsets_do_not_overlap():
    """A character in two subsets would make the browser fetch both."""
    seen = set()
    for subset in SUBSETS:
        mine = codepoints(subset.ranges)
        assert not mine & seen, subset.name
        seen |= mine


def test_an_arabic_page_needs_only_the_preloaded_files():
    """Every character of the Arabic interface but Latin letters is in the
    preloaded subset: a page of Arabic news fetches nothing else (#12)."""
    preloaded = set().union(*(codepoints(s.ranges) for s in SUBSETS if s.preload))
    latin_letters = {ch for ch in site_text() if ch.isascii() and ch.isalpha()}
    arabic_page = site_text() - latin_letters - SYSTEM_SYMBOLS
    assert {ch for ch in arabic_page if ord(ch) not in preloaded} == set()


@pytest.mark.parametrize("face", TYPEFACES, ids=lambda face: face.key)
def test_only_the_arabic_files_are_preloaded(face):
    html = font_preloads(face, lambda path: "/static/" + path)
    assert html.count('rel="preload"') == len(face.styles)
    assert html.count("-arabic.woff2") == len(face.styles)
    # Each file has its own rule, with its own ranges, so the browser can
    # leave out what the page does not use.
    rules = font_rules(face, lambda path: "/static/" + path)
    assert rules.count("@font-face") == len(face.files())
    assert rules.count("unicode-range:U+0041-005A") == len(face.styles)


@pytest.mark.parametrize("face", TYPEFACES, ids=lambda face: face.key)
def test_the_licence_travels_with_the_files(face):
    folder = STATIC / face.static_prefix
    assert "SIL Open Font License" in (folder / "OFL.txt").read_text()
    note = (folder / "SOURCE.txt").read_text()
    assert face.family in note and face.web_family in note
    # No file of an earlier cut is left behind to be served.
    assert {p.name for p in folder.glob("*.woff2")} == {
        file.path.rsplit("/", 1)[1] for file in face.files()
    }


@pytest.mark.parametrize("item", FILES, ids=ids)
def test_subset_is_the_package_font_cut_to_the_ranges(item):
    """Re-run scripts/subset_fonts.py when this fails."""
    face, file = item
    try:
        root = Path(import_module(face.package).ROOT)
    except ImportError:
        pytest.skip(f"{face.package} is a [dev] dependency")
    subset = font(file.path)
    source = font(root / "files" / f"{face.source_stem}-{file.style}.ttf")
    wanted = {cp for cp in source.getBestCmap() if in_ranges(cp, file.subset.ranges)}
    assert set(subset.getBestCmap()) == wanted
    assert subset["name"].getDebugName(1) == face.web_family
    if file.subset.name != "latin":
        # Arabic joins through the layout tables: they must survive the cut.
        features = {
            r.FeatureTag for r in subset["GSUB"].table.FeatureList.FeatureRecord
        }
        assert {"init", "medi", "fina", "rlig"} <= features
    assert "fpgm" not in subset and "prep" not in subset  # no hinting


@pytest.mark.parametrize("item", WEIGHTS, ids=weight_ids)
def test_subsets_draw_everything_the_site_writes(item):
    face, weight = item
    covered = set()
    for file in face.files():
        if file.weight == weight:
            covered |= set(font(file.path).getBestCmap())
    expected = site_text() - SYSTEM_SYMBOLS - NOT_IN_FACE.get(face.key, set())
    missing = {ch for ch in expected if ord(ch) not in covered}
    assert missing == set()
