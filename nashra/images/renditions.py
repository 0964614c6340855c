"""Rendition sizes used by the templates, named once so queries can prefetch them.

Each tuple is what one `{% srcset_image %}` call asks for; prefetching the
same specs keeps every listing at a constant number of queries (#2).
"""

CARD = ("fill-320x180", "fill-640x360")
LEAD = ("fill-640x360", "fill-960x540", "fill-1280x720")
ARTICLE = ("width-640", "width-960", "width-1280")
BODY = ARTICLE
