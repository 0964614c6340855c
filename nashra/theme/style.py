"""The CSS a site's theme options write into the head of every page (#4, #12).

The stylesheets keep their defaults in the `defaults` cascade layer, and these
rules are unlayered, so the options win whatever order the styles load in:
an unlayered declaration beats any layered one. The dark scheme's own
defaults (text, background) stay in that layer; the options' colours get a
dark-scheme shade here, light enough to read on the dark background.
"""

from nashra.theme.contrast import AAA_NORMAL, lightened_for

# The dark scheme's background and surface in theme.css: text colours are
# checked against the lighter of the two, so they read on both.
DARK_BACKGROUND = "#15161a"
DARK_SURFACE = "#1f2026"
# The dark palette's own text colours contrast 8:1 or more; the options'
# shades aim at AAA (7:1), not the bare AA minimum the admin checks for.
DARK_RATIO = AAA_NORMAL
DARK_SCHEME = ':root[data-scheme="dark"]'
AUTO_DARK = '@media (prefers-color-scheme:dark){:root[data-scheme="auto"]{%s}}'


def colour_rules(theme):
    """Custom properties for the options' colours, in both schemes.

    Colours were validated (hex only) when saved, so they are safe in CSS.
    """
    light = (
        f"--colour-primary:{theme.primary};--colour-on-primary:{theme.on_primary};"
        f"--colour-primary-text:{theme.primary};--colour-link:{theme.accent}"
    )
    dark = (
        f"--colour-primary-text:{lightened_for(theme.primary, DARK_SURFACE, DARK_RATIO)};"
        f"--colour-link:{lightened_for(theme.accent, DARK_SURFACE, DARK_RATIO)}"
    )
    return f":root{{{light}}}{DARK_SCHEME}{{{dark}}}" + AUTO_DARK % dark


def font_rules(face, url):
    """@font-face rules of ``face``, with ``url(path)`` giving each file's address.

    font-display "optional": a face that is not there by the first paint is
    not swapped in later, so text never reflows under the reader (the swap
    was part of the layout shift on phones, #12). The Arabic files are
    preloaded and small, so they are there in time on all but the slowest
    first visit, and from the cache after it. One rule per file, each with
    its subset's unicode-range: the browser fetches only what the page uses.
    """
    return (
        "".join(
            "@font-face{"
            f"font-family:'{face.web_family}';font-style:normal;"
            f"font-weight:{file.weight};font-display:optional;"
            f"src:url('{url(file.path)}') format('woff2');"
            f"unicode-range:{','.join(file.subset.ranges)}}}"
            for file in face.files()
        )
        + f":root{{--font-text:'{face.web_family}',{face.fallback}}}"
    )


def font_preloads(face, url):
    """<link rel=preload> for the files every page needs: fonts are found only
    once the CSS is applied, a round trip after the HTML, unless the head
    asks first. Fonts are fetched in CORS mode, so the preload says
    crossorigin too. The other subsets are left to unicode-range: preloading
    them would spend a phone's first bandwidth on letters most pages lack."""
    return "".join(
        f'<link rel="preload" href="{url(file.path)}" as="font" type="font/woff2" '
        "crossorigin>"
        for file in face.files()
        if file.subset.preload
    )
