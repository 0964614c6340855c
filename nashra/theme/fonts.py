"""The Arabic typefaces Nashra ships, each from a font package on PyPI.

The font files never leave 127.0.0.1: staticfiles serves them from the
installed packages, so no page asks a third-party host for a font (#2).
"""

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Typeface:
    key: str  # value stored in the theme options
    family: str  # CSS font-family name
    package: str  # importable fontpkg module holding the files
    files: tuple[tuple[int, str], ...]  # (weight, file name) pairs served
    fallback: str  # generic CSS family after it

    @property
    def static_prefix(self):
        return f"fonts/{self.key}"


TYPEFACES = (
    Typeface(
        key="plex",
        family="IBM Plex Sans Arabic",
        package="fontpkg_ibm_plex_sans_arabic",
        files=(
            (400, "IBMPlexSansArabic-Regular.ttf"),
            (700, "IBMPlexSansArabic-Bold.ttf"),
        ),
        fallback="sans-serif",
    ),
    Typeface(
        key="amiri",
        family="Amiri",
        package="fontpkg_amiri",
        files=((400, "Amiri-Regular.ttf"), (700, "Amiri-Bold.ttf")),
        fallback="serif",
    ),
)
DEFAULT_TYPEFACE = TYPEFACES[0]


def get_typeface(key):
    return next((face for face in TYPEFACES if face.key == key), DEFAULT_TYPEFACE)


def font_static_dirs():
    """STATICFILES_DIRS entries serving each package's files under fonts/<key>/."""
    dirs = []
    for face in TYPEFACES:
        root = import_module(face.package).ROOT
        dirs.append((face.static_prefix, str(root / "files")))
    return dirs
