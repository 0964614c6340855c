"""The public read-only JSON API, served at /api/v1/ with its OpenAPI document."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from nashra.feeds.api.cors import with_cors
from nashra.feeds.api.routes import router


class ReadableJSON(JSONRenderer):
    """UTF-8 JSON with Arabic as text, not \\uXXXX escapes."""

    json_dumps_params = {"ensure_ascii": False}


# No interactive docs page: it would load scripts from a third-party CDN.
api = NinjaAPI(
    title="Nashra public API",
    version="1",
    description="Published articles, sections, authors, tags and images. Read-only.",
    docs_url=None,
    renderer=ReadableJSON(),
    # Included by nashra.feeds.urls, itself namespaced "feeds".
    urls_namespace="feeds:api",
)
api.add_router("", router)


def urlpatterns():
    """The API's URL patterns, each view wrapped for CORS."""
    patterns, _app_name, _namespace = api.urls
    for pattern in patterns:
        pattern.callback = with_cors(pattern.callback)
    return patterns, "api"
