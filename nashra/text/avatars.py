"""Local avatars for commenters: initials on a colour, as inline SVG (#3).

No third-party avatar service is asked (it would learn who reads and comments
on what). The caller passes a keyed hash of the e-mail as ``seed``, so the
address itself never reaches this module or the page.
"""

import colorsys
import hashlib
import html
import unicodedata

from nashra.text.comment_text import neutralise_invisible

UNKNOWN_INITIAL = "؟"
# "ال" is the definite article, not part of what people recognise in a name:
# every "الخطيب", "الأحمد" would otherwise show "ا". So "أحمد الخطيب" → "أ خ"
# and "عبد الله" → "ع ل" (the letter that tells عبد الله from عبد الرحمن).
_ARABIC_ARTICLE = "ال"
_LATIN_ARTICLES = ("al-", "el-")
# Kinship links between given names ("محمد بن راشد") say nothing about who it is.
_CONNECTIVES = frozenset({"بن", "بنت", "ابن", "bin", "ibn", "bint"})
_MIN_SIZE, _MAX_SIZE = 16, 512
_MAX_LABEL = 80
_WHITE_TEXT_CONTRAST = 4.5  # WCAG 2.x AA for normal-size text


def _first_letter(word: str) -> str | None:
    lowered = word.lower()
    if word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
        word = word[len(_ARABIC_ARTICLE) :]
    for article in _LATIN_ARTICLES:
        if lowered.startswith(article) and len(word) > len(article):
            word = word[len(article) :]
    for char in word:
        if char.isalpha():
            upper = char.upper()
            return upper if len(upper) == 1 else char
    return None


def _is_arabic(letter: str) -> bool:
    return "ARABIC" in unicodedata.name(letter, "")


def initials(name: str) -> str:
    """Return up to two initials: first letters of the first two named words.

    Arabic initials are separated by a space so they do not join into a word;
    a name with no letters (emoji, digits, empty) gives "؟".

    >>> initials("أحمد الخطيب")
    'أ خ'
    >>> initials("  ")
    '؟'
    """
    words = unicodedata.normalize("NFC", neutralise_invisible(name or "")).split()
    letters = []
    for word in words:
        if letters and word.lower() in _CONNECTIVES:
            continue
        letter = _first_letter(word)
        if letter:
            letters.append(letter)
        if len(letters) == 2:
            break
    if not letters:
        return UNKNOWN_INITIAL
    separator = " " if any(_is_arabic(letter) for letter in letters) else ""
    return separator.join(letters)


def _relative_luminance(rgb: tuple[float, float, float]) -> float:
    def linear(channel: float) -> float:
        if channel <= 0.04045:
            return channel / 12.92
        return ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_with_white(rgb: tuple[float, float, float]) -> float:
    """WCAG contrast ratio between white text and an RGB (0..1) background.

    >>> round(contrast_with_white((0.0, 0.0, 0.0)), 1)  # خلفية سوداء
    21.0
    """
    return 1.05 / (_relative_luminance(rgb) + 0.05)


def background_colour(seed: str) -> str:
    """A "#rrggbb" colour derived from ``seed``, dark enough for white initials.

    >>> background_colour("مفتاح") == background_colour("مفتاح")
    True
    """
    digest = hashlib.sha256(seed.encode("utf-8", "surrogatepass")).digest()
    hue = int.from_bytes(digest[:2], "big") / 65536
    saturation = 0.45 + digest[2] / 255 * 0.25
    lightness = 0.30 + digest[3] / 255 * 0.12
    rgb = _as_bytes(colorsys.hls_to_rgb(hue, lightness, saturation))
    # Yellows and greens are bright at any lightness: darken until AA holds,
    # measured on the 8-bit colour the browser will actually paint.
    while contrast_with_white(tuple(c / 255 for c in rgb)) < _WHITE_TEXT_CONTRAST:
        lightness -= 0.02
        rgb = _as_bytes(colorsys.hls_to_rgb(hue, lightness, saturation))
    return "#" + "".join(f"{channel:02x}" for channel in rgb)


def _as_bytes(rgb: tuple[float, float, float]) -> tuple[int, int, int]:
    red, green, blue = (round(channel * 255) for channel in rgb)
    return red, green, blue


def avatar_svg(name: str, seed: str, size: int = 48) -> str:
    """Return a self-contained inline SVG avatar: initials on a seeded colour.

    The same name and seed always give the same bytes. No ids are used, so
    many avatars can sit on one page.

    >>> avatar_svg("سارة علي", "k1").count("<svg")
    1
    """
    if isinstance(size, bool) or not isinstance(size, int):
        raise TypeError("size must be an int")
    if not _MIN_SIZE <= size <= _MAX_SIZE:
        raise ValueError(f"size must be between {_MIN_SIZE} and {_MAX_SIZE}")
    label = " ".join(neutralise_invisible(name or "").split())[:_MAX_LABEL]
    label = html.escape(label or UNKNOWN_INITIAL, quote=True)
    letters = html.escape(initials(name), quote=True)
    colour = background_colour(seed)
    half = size / 2
    font_size = round(size * (0.36 if " " in letters or len(letters) > 1 else 0.45))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="{label}">'
        f'<circle cx="{half:g}" cy="{half:g}" r="{half:g}" fill="{colour}"/>'
        f'<text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" '
        f'fill="#ffffff" font-size="{font_size}" font-weight="600" '
        f"font-family=\"'IBM Plex Sans Arabic', system-ui, sans-serif\">"
        f"{letters}</text></svg>"
    )
