"""The theme options' CSS wins over the stylesheets' defaults (#12).

site.css used to load after the options' inline style and redefine the same
custom properties, so the colours an editor saved never showed. The defaults
now sit in the `defaults` cascade layer and the options are unlayered.
"""

import re
from pathlib import Path

import pytest

from nashra.theme.contrast import contrast_ratio
from nashra.theme.options import SiteTheme
from nashra.theme.style import DARK_BACKGROUND, DARK_SURFACE, colour_rules

NASHRA = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted(NASHRA.rglob("static/**/*.css"))
OPTION_PROPERTIES = ("--colour-primary", "--colour-on-primary", "--colour-link",
                     "--colour-primary-text", "--font-text")  # fmt: skip
DECLARATION = re.compile(r"(--[\w-]+)\s*:")


def unlayered(css):
    """The stylesheet with every `@layer ... { ... }` block removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out, index = [], 0
    for match in re.finditer(r"@layer[^{;]*\{", css):
        if match.start() < index:
            continue
        out.append(css[index : match.start()])
        depth, index = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            index += 1
    out.append(css[index:])
    return "".join(out)


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: str(p.relative_to(NASHRA)))
def test_stylesheets_set_option_properties_only_in_the_defaults_layer(path):
    """Outside a layer, a stylesheet loaded after the head's style would win
    over the site's options again (print styles excepted: paper is white)."""
    css = unlayered(path.read_text(encoding="utf-8"))
    css = re.sub(r"@media print\s*\{.*", "", css, flags=re.S)
    found = {name for name in DECLARATION.findall(css) if name in OPTION_PROPERTIES}
    assert found == set()


def test_the_defaults_layer_holds_the_palette():
    site = (NASHRA / "core/static/core/css/site.css").read_text(encoding="utf-8")
    layered = site[site.index("@layer defaults") :]
    for name in OPTION_PROPERTIES[:4]:
        assert f"{name}:" in layered


def test_dark_palette_constants_match_the_stylesheet():
    theme = (NASHRA / "theme/static/theme/theme.css").read_text(encoding="utf-8")
    assert f"--colour-background: {DARK_BACKGROUND}" in theme
    assert f"--colour-surface: {DARK_SURFACE}" in theme


def test_options_colours_in_both_schemes():
    css = colour_rules(SiteTheme(primary="#0b5d1e", accent="#6a1b9a"))
    light, dark, auto = css.split("}", 2)
    assert light.startswith(":root{")
    assert "--colour-primary:#0b5d1e" in light
    assert "--colour-primary-text:#0b5d1e" in light
    assert "--colour-link:#6a1b9a" in light
    assert dark.startswith(':root[data-scheme="dark"]{')
    assert '@media (prefers-color-scheme:dark){:root[data-scheme="auto"]{' in auto
    shades = dict(re.findall(r"(--[\w-]+):(#[0-9a-f]{6})", dark))
    assert set(shades) == {"--colour-primary-text", "--colour-link"}
    for shade in shades.values():
        for background in (DARK_BACKGROUND, DARK_SURFACE):
            assert contrast_ratio(shade, background) >= 7
    assert shades == dict(re.findall(r"(--[\w-]+):(#[0-9a-f]{6})", auto))
