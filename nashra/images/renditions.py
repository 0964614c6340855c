"""Rendition sizes used by the templates, named once so queries can prefetch them.

Each tuple is what one `{% picture %}` call asks for, spelt as Wagtail
expands the template's braces ("fill-320x180|format-webp"); prefetching the
same specs keeps every listing at a constant number of queries (#2).

Formats (#12): the image that is the page's largest paint (the home page's
lead story, an article's own picture) comes as AVIF, WebP and JPEG; the
others as WebP and JPEG. At card sizes WebP is as small as AVIF, and Pillow
encodes it about ten times faster, which the first view of a listing waits
for. JPEG stays the fallback <img> and is what feeds and OpenGraph use.
"""

LCP_FORMATS = ("avif", "webp", "jpeg")
FORMATS = ("webp", "jpeg")


def specs(sizes, formats):
    return tuple(f"{size}|format-{fmt}" for size in sizes for fmt in formats)


CARD = specs(("fill-320x180", "fill-640x360"), FORMATS)
LEAD = specs(("fill-640x360", "fill-960x540", "fill-1280x720"), LCP_FORMATS)
ARTICLE = specs(("width-640", "width-960", "width-1280"), LCP_FORMATS)
BODY = specs(("width-640", "width-960", "width-1280"), FORMATS)

# Everything a published photo may be shown at, made when it is saved (#12).
EVERY = tuple(dict.fromkeys(CARD + LEAD + ARTICLE + BODY))
