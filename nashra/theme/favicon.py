"""The site's icon as /favicon.ico (#12).

Browsers ask for /favicon.ico whatever the page says, and a 404 there filled
every log. The icon is the theme's favicon if an editor chose one, else its
logo on a square, else the site's own mark (the ring and bar of the
publisher logo) drawn in the theme's colours, so a new primary colour shows
in the browser tab too.
"""

import hashlib
import io

from PIL import Image, ImageDraw, ImageOps

SIZES = [(16, 16), (32, 32), (48, 48), (64, 64)]
CANVAS = 256


def version(theme):
    """Changes whenever the icon would: the `?v=` of the page's icon link."""
    source = "|".join(
        [theme.favicon_url, theme.logo_url, theme.primary, theme.on_primary]
    )
    return hashlib.blake2b(source.encode(), digest_size=5).hexdigest()


def draw_mark(primary, on_primary):
    """The publisher logo's ring and bar on the primary colour."""
    image = Image.new("RGBA", (CANVAS, CANVAS), primary)
    draw = ImageDraw.Draw(image)
    outer, ring = CANVAS * 0.31, CANVAS * 0.065
    middle = CANVAS / 2
    draw.ellipse(
        [middle - outer, middle - outer, middle + outer, middle + outer],
        outline=on_primary,
        width=round(ring),
    )
    bar_width, bar_height = CANVAS * 0.075, CANVAS * 0.34
    draw.rectangle(
        [middle - bar_width / 2, middle - bar_height / 2,
         middle + bar_width / 2, middle + bar_height / 2],
        fill=on_primary,
    )  # fmt: skip
    return image


def squared(file):
    """An uploaded image fitted into a transparent square, whatever its shape."""
    with Image.open(file) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGBA")
    image = ImageOps.contain(image, (CANVAS, CANVAS), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    square.paste(image, ((CANVAS - image.width) // 2, (CANVAS - image.height) // 2))
    return square


def ico_bytes(image):
    out = io.BytesIO()
    image.save(out, format="ICO", sizes=SIZES)
    return out.getvalue()


def render(site, theme):
    """ICO bytes for the site: favicon, logo or the drawn mark."""
    from nashra.theme.models import ThemeOptions

    options = (
        ThemeOptions.objects.filter(site=site).select_related("favicon", "logo").first()
        if site is not None
        else None
    )
    for chosen in (options.favicon, options.logo) if options else ():
        if chosen is None:
            continue
        try:
            with chosen.file.open("rb") as file:
                return ico_bytes(squared(file))
        except (OSError, ValueError):
            continue  # a missing or unreadable upload: fall back to the mark
    return ico_bytes(draw_mark(theme.primary, theme.on_primary))
