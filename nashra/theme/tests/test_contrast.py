import pytest

from nashra.theme.contrast import (
    BLACK,
    WHITE,
    contrast_ratio,
    lightened_for,
    meets_aa,
    meets_aaa,
    parse_hex_colour,
    readable_text_on,
    relative_luminance,
)


@pytest.mark.parametrize(
    ("text", "rgb"),
    [
        ("#000000", (0, 0, 0)),
        ("#ffffff", (255, 255, 255)),
        ("#FFFFFF", (255, 255, 255)),
        ("#1a2B3c", (26, 43, 60)),
        ("#fff", (255, 255, 255)),
        ("#c00", (204, 0, 0)),
        ("#08f", (0, 136, 255)),
        ("  #767676\n", (118, 118, 118)),
    ],
)
def test_parse_hex_colour(text, rgb):
    """Both CSS hex forms an editor may paste into the theme settings."""
    assert parse_hex_colour(text) == rgb


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "#",
        "ffffff",
        "#ffff",
        "#fffffff",
        "#ggg",
        "#12345g",
        "#١٢٣",  # Arabic-Indic digits are not hex digits
        "#ffffff80",  # alpha cannot be judged without the backdrop
        "rgb(0,0,0)",
        "red",
        "أحمر",
        None,
        123,
    ],
)
def test_parse_hex_colour_rejects_bad_input(bad):
    """A bad colour must be refused with a message, not read as black."""
    with pytest.raises(ValueError, match="colour must"):
        parse_hex_colour(bad)


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),
        ("#767676", "#ffffff", 4.54),
        ("#595959", "#ffffff", 7.00),
        ("#949494", "#ffffff", 3.03),
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.00),
    ],
)
def test_contrast_ratio_known_pairs(fg, bg, ratio):
    """Reference pairs published with WCAG checkers; order must not matter."""
    assert contrast_ratio(fg, bg) == pytest.approx(ratio, abs=0.005)
    assert contrast_ratio(bg, fg) == pytest.approx(ratio, abs=0.005)


def test_contrast_ratio_accepts_rgb_tuples():
    """Callers that already parsed a colour can pass the tuple."""
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)


@pytest.mark.parametrize(
    "bad", [(0, 0), (0, 0, 256), (0, -1, 0), (0.5, 0, 0), [0, 0, 0]]
)
def test_contrast_ratio_rejects_bad_tuples(bad):
    """An out-of-range channel would give a ratio above 21 or below 1."""
    with pytest.raises(ValueError):
        contrast_ratio(bad, WHITE)


def test_relative_luminance_bounds():
    """Black is 0 and white 1 by definition."""
    assert relative_luminance(BLACK) == 0.0
    assert relative_luminance(WHITE) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("fg", "bg", "large", "expected"),
    [
        ("#777777", "#ffffff", False, False),
        ("#767676", "#ffffff", False, True),
        ("#777777", "#ffffff", True, True),
        ("#949494", "#ffffff", True, True),
        ("#959595", "#ffffff", True, False),
        ("#000", "#fff", False, True),
        ("#fff", "#fff", True, False),
    ],
)
def test_meets_aa(fg, bg, large, expected):
    """#777 on white prints as "4.5" but is 4.48; WCAG forbids rounding up."""
    assert meets_aa(fg, bg, large_text=large) is expected


@pytest.mark.parametrize(
    ("fg", "large", "expected"),
    [("#595959", False, True), ("#5a5a5a", False, False), ("#767676", True, True)],
)
def test_meets_aaa(fg, large, expected):
    """AAA thresholds: 7:1 body text, 4.5:1 large text."""
    assert meets_aaa(fg, WHITE, large_text=large) is expected


@pytest.mark.parametrize(
    ("bg", "expected"),
    [
        ("#ffffff", BLACK),
        ("#000000", WHITE),
        ("#ffcc00", BLACK),
        ("#cc0000", WHITE),
        ("#006400", WHITE),
        ("#1a73e8", BLACK),
        ("#757575", WHITE),
        ("#777777", BLACK),
    ],
)
def test_readable_text_on(bg, expected):
    """Section badges take the editor's colour; the label must stay legible."""
    assert readable_text_on(bg) == expected


@pytest.mark.parametrize("channel", range(0, 256, 5))
@pytest.mark.parametrize("tint", ["grey", "red", "green", "blue"])
def test_readable_text_on_always_passes_aa(channel, tint):
    """Black or white always reaches at least 4.58:1 (the worst case is a
    luminance of about 0.18), so no section colour an editor picks can make
    its own badge label fail AA."""
    rgb = {
        "grey": (channel, channel, channel),
        "red": (channel, 0, 0),
        "green": (0, channel, 0),
        "blue": (0, 0, channel),
    }[tint]
    assert meets_aa(readable_text_on(rgb), rgb)


@pytest.mark.parametrize(
    "colour", ["#9b1c1c", "#1d4f91", "#0b5d1e", "#6a1b9a", "#000000"]
)
@pytest.mark.parametrize("ratio", [4.5, 7.0])
def test_lightened_for_a_dark_background_reaches_the_ratio(colour, ratio):
    """A brand colour chosen for white pages, shaded for the dark scheme (#12)."""
    shade = lightened_for(colour, "#1f2026", ratio)
    assert contrast_ratio(shade, "#1f2026") >= ratio
    # Just enough: a step less light would not do (no needless washing out).
    assert contrast_ratio(shade, "#1f2026") < ratio + 0.2


def test_lightened_for_keeps_the_hue():
    red, green, blue = parse_hex_colour(lightened_for("#0b5d1e", "#15161a", 7.0))
    assert green > red and green > blue
    red, green, blue = parse_hex_colour(lightened_for("#9b1c1c", "#15161a", 7.0))
    assert red > green and red > blue


def test_lightened_for_leaves_a_light_enough_colour_alone():
    assert lightened_for("#FF9D9D", "#15161a", 4.5) == "#ff9d9d"
