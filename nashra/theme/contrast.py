"""WCAG 2.x colour contrast for theme colours chosen by editors.

Definitions from WCAG 2.2, "relative luminance" and "contrast ratio":
https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
"""

import colorsys
import re

RGB = tuple[int, int, int]

WHITE = "#ffffff"
BLACK = "#000000"

# Success criterion 1.4.3 (AA): 4.5:1 for body text, 3:1 for large text
# (18pt, or 14pt bold). 1.4.6 (AAA): 7:1 and 4.5:1.
AA_NORMAL = 4.5
AA_LARGE = 3.0
AAA_NORMAL = 7.0
AAA_LARGE = 4.5

_HEX_COLOUR = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def parse_hex_colour(value: str) -> RGB:
    """(r, g, b) in 0-255 from "#rgb" or "#rrggbb" (any case, spaces trimmed)."""
    if not isinstance(value, str):
        raise ValueError(f"colour must be a string like #1a2b3c, got {value!r}")
    match = _HEX_COLOUR.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"colour must look like #rgb or #rrggbb, got {value!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _as_rgb(colour: str | RGB) -> RGB:
    if isinstance(colour, str):
        return parse_hex_colour(colour)
    if (
        isinstance(colour, tuple)
        and len(colour) == 3
        and all(isinstance(c, int) and 0 <= c <= 255 for c in colour)
    ):
        return colour
    raise ValueError(f"colour must be a hex string or (r, g, b) 0-255, got {colour!r}")


def _linear(channel: int) -> float:
    # WCAG 2.0 printed 0.03928 as the threshold; 2.2 uses the sRGB standard's
    # 0.04045. No 8-bit value lies between the two, so results are identical.
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str | RGB) -> float:
    """Relative luminance, 0.0 for black to 1.0 for white."""
    r, g, b = _as_rgb(colour)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: str | RGB, b: str | RGB) -> float:
    """Contrast ratio from 1.0 (same colour) to 21.0 (black on white); order-free."""
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def meets_aa(fg: str | RGB, bg: str | RGB, large_text: bool = False) -> bool:
    """True when the pair passes WCAG AA for body text (or large text)."""
    # WCAG forbids rounding up: 4.49:1 fails even though it prints as 4.5.
    return contrast_ratio(fg, bg) >= (AA_LARGE if large_text else AA_NORMAL)


def meets_aaa(fg: str | RGB, bg: str | RGB, large_text: bool = False) -> bool:
    """True when the pair passes WCAG AAA for body text (or large text)."""
    return contrast_ratio(fg, bg) >= (AAA_LARGE if large_text else AAA_NORMAL)


def readable_text_on(bg: str | RGB) -> str:
    """Text colour for ``bg``: "#ffffff" or "#000000", whichever contrasts more."""
    # Ties (a luminance near 0.179) go to black, which keeps more contrast
    # when a display renders the background a little lighter than specified.
    if contrast_ratio(BLACK, bg) >= contrast_ratio(WHITE, bg):
        return BLACK
    return WHITE


def lightened_for(colour: str | RGB, bg: str | RGB, ratio: float = AA_NORMAL) -> str:
    """``colour`` made just light enough to give ``ratio`` against a dark ``bg``.

    A brand colour chosen for a white page (#9b1c1c) is too dark to read on
    the dark scheme's background. Only its HSL lightness is raised, so the
    hue and saturation stay: #9b1c1c becomes a light red, not a grey pink (#12).
    """
    rgb = _as_rgb(colour)
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in rgb))

    def lit(level):
        channels = colorsys.hls_to_rgb(hue, level, saturation)
        return tuple(round(c * 255) for c in channels)

    if contrast_ratio(rgb, bg) >= ratio:
        return "#{:02x}{:02x}{:02x}".format(*rgb)
    low, high = lightness, 1.0
    # Against a dark background, contrast grows with lightness.
    for _step in range(24):
        middle = (low + high) / 2
        if contrast_ratio(lit(middle), bg) >= ratio:
            high = middle
        else:
            low = middle
    return "#{:02x}{:02x}{:02x}".format(*lit(high))
