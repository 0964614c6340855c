"""Serving a page found by its url_path in one indexed query (#8).

Wagtail's router walks the tree a level at a time, two queries per level
(the child, then its specific row): six for an article under a section.
The page a path names is the one whose url_path is the site root's url_path
plus the path, so one lookup finds it. Everything after routing is still
Wagtail's `serve` view (view restrictions, before_serve_page hooks, the
page's own route() for its live check), and the walk is kept wherever it
could answer differently: translated trees, and paths under a page type
with its own route() (a RoutablePage may claim a child's address).
"""

from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page, Site, get_page_models

# fast_route()'s answer when only Wagtail's own walk can decide.
WALK = object()


@cache
def custom_route_types():
    """Content type ids of the page types that override route()."""
    models = [m for m in get_page_models() if m.route is not Page.route]
    return frozenset(
        ct.pk for ct in ContentType.objects.get_for_models(*models).values()
    )


def _ancestor_paths(path):
    step = Page.steplen
    return [path[:end] for end in range(step, len(path), step)]


def fast_route(request, path):
    """Wagtail's RouteResult for ``path``, None for a 404, or WALK."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return WALK
    site = Site.find_for_request(request)
    if site is None:
        return None
    # Kept where Wagtail's own Page.get_url_parts() looks for them, so the
    # page's links do not read them from the cache again.
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    roots = request._wagtail_cached_site_root_paths
    root = next((r for r in roots if r.site_id == site.pk), None)
    if root is None:
        return WALK
    components = [part for part in path.split("/") if part]
    url_path = root.root_path + "".join(f"{part}/" for part in components)
    # Unordered: with ORDER BY path, PostgreSQL walks the path index instead
    # of looking the url_path up (80 ms at 100,000 pages).
    found = next(
        iter(
            Page.objects.filter(url_path=url_path)
            .order_by()
            .values_list("pk", "content_type_id", "path")[:1]
        ),
        None,
    )
    custom = custom_route_types()
    if found is None:
        # No such page, unless a page type with its own route() serves it.
        return WALK if custom else None
    pk, content_type_id, tree_path = found
    if custom and (
        Page.objects.filter(
            path__in=_ancestor_paths(tree_path), content_type_id__in=custom
        ).exists()
    ):
        return WALK
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return WALK
    rows = model._default_manager.all()
    # A page type names the relations its template reads every time (#8).
    related = getattr(model, "serve_select_related", ())
    page = (rows.select_related(*related) if related else rows).get(pk=pk)
    try:
        # The page's own check (live), or its route() for its own address.
        return page.route(request, [])
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view, with the route found by url_path when it can be."""
    found = fast_route(request, path)
    if found is not WALK:
        # Page.route_for_request() reads this first, so Wagtail skips the walk.
        request._wagtail_route_for_request = found
    return wagtail_views.serve(request, path)
