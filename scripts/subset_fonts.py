"""Cut the WOFF2 subsets Nashra serves from the font packages (#12).

    .venv/bin/python scripts/subset_fonts.py

Needs the [dev] extra (fontTools, brotli, the fontpkg packages). For each
typeface in nashra.theme.fonts it keeps the characters of UNICODE_RANGES with
every OpenType layout feature (Arabic joining, marks, ligatures, kerning),
drops the hinting (phones and modern desktops ignore it; a third of the
size), writes WOFF2 into nashra/theme/static/theme/fonts/<key>/, and copies
the font's OFL licence beside it with a note of what was changed. A family
whose licence reserves its name is renamed in the font, as the OFL asks of a
Modified Version. The output is committed: re-run this after changing the
ranges or upgrading a font package, and commit the result.
"""

import sys
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nashra.theme.fonts import SUBSETS, TYPEFACES  # noqa: E402

STATIC = ROOT / "nashra" / "theme" / "static"
# Name-table entries that carry the family name: family, full name,
# PostScript name, unique id, typographic family.
NAME_IDS = (1, 3, 4, 6, 16)
SOURCE_NOTE = """\
{web_family}: a subset of {family} {version}, from the PyPI package
{package}, made by scripts/subset_fonts.py in the Nashra repository.
Changes: only these characters are kept, with all their OpenType layout
features: {ranges}.
Hinting is removed; the format is WOFF2.{renamed}
The licence of the original font, which also covers this subset, is in OFL.txt.
"""
RENAMED = """
The family is renamed from "{family}" to "{web_family}": its licence
reserves the name, and a subset is a Modified Version under the OFL."""


def unicodes(ranges):
    from fontTools.subset import parse_unicodes

    return parse_unicodes(",".join(range_.removeprefix("U+") for range_ in ranges))


def subset(source, target, face, ranges):
    """Write the WOFF2 subset of the TTF ``source`` to ``target``."""
    from fontTools import subset as fontsubset
    from fontTools.ttLib import TTFont

    options = fontsubset.Options()
    options.layout_features = ["*"]
    options.hinting = False
    options.flavor = "woff2"
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    # The source date, not now: the same input gives the same bytes.
    font = TTFont(source, recalcTimestamp=False)
    subsetter = fontsubset.Subsetter(options)
    subsetter.populate(unicodes=unicodes(ranges))
    subsetter.subset(font)
    if face.web_family != face.family:
        rename(font, face)
    target.parent.mkdir(parents=True, exist_ok=True)
    fontsubset.save_font(font, str(target), options)


def rename(font, face):
    for record in font["name"].names:
        if record.nameID in NAME_IDS:
            text = record.toUnicode()
            text = text.replace(face.family, face.web_family)
            text = text.replace(face.source_stem, face.web_stem)
            record.string = text


def package_version(face):
    import json

    root = import_module(face.package).ROOT
    return json.loads((root / "metadata.json").read_text())["version"]


def main():
    for face in TYPEFACES:
        root = Path(import_module(face.package).ROOT)
        folder = STATIC / face.static_prefix
        for stale in folder.glob("*.woff2"):
            stale.unlink()
        for file in face.files():
            source = root / "files" / f"{face.source_stem}-{file.style}.ttf"
            subset(source, STATIC / file.path, face, file.subset.ranges)
            size = (STATIC / file.path).stat().st_size // 1024
            sys.stdout.write(f"{file.path}: {size} KB\n")
        (folder / "OFL.txt").write_text((root / "LICENSE").read_text())
        renamed = face.web_family != face.family
        (folder / "SOURCE.txt").write_text(
            SOURCE_NOTE.format(
                web_family=face.web_family,
                family=face.family,
                version=package_version(face),
                package=face.package.replace("_", "-"),
                ranges="; ".join(
                    f"{part.name}: {', '.join(part.ranges)}" for part in SUBSETS
                ),
                renamed=RENAMED.format(family=face.family, web_family=face.web_family)
                if renamed
                else "",
            )
        )


if __name__ == "__main__":
    main()
