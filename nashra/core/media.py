"""Media files for the embedded set-up, which has no web server in front.

Renditions are named after their image and filter (and focal point), and a
changed image gets new names, so a reader's phone may keep one for a year
without asking again: Lighthouse counted every picture of a page as a
repeat download (#12). Anything else under /media/ may be replaced in place
and is kept an hour. Production behind nginx serves /media/ itself
(docs/nginx.conf) with the same lifetimes.
"""

from django.conf import settings
from django.views.static import serve

RENDITIONS = "images/"
A_YEAR = 365 * 24 * 3600
AN_HOUR = 3600


def cache_control(path):
    if path.startswith(RENDITIONS):
        return f"public, max-age={A_YEAR}, immutable"
    return f"public, max-age={AN_HOUR}"


def media_file(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        response["Cache-Control"] = cache_control(path)
    return response
