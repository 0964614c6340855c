"""Short links, robots.txt and the sitemap endpoints."""

from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from nashra.articles.models import ArticlePage
from nashra.feeds import links, sitemaps

XML = "application/xml; charset=utf-8"


@require_safe
def short_link(request, pk):
    """/a/<id>/ → 301 to the article's canonical URL (live, public articles only)."""
    article = get_object_or_404(ArticlePage.objects.published(), pk=pk)
    url = links.page_url(article, request)
    if url is None:
        raise Http404
    return HttpResponsePermanentRedirect(url)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {links.absolute(request, '/sitemap.xml')}",
        f"Sitemap: {links.absolute(request, '/sitemaps/news.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def sitemap_index(request):
    return StreamingHttpResponse(sitemaps.stream_index(request), content_type=XML)


@require_safe
def sitemap_file(request, name, page):
    source = sitemaps.SOURCES.get(name)
    if source is None or page < 1:
        raise Http404
    # File 1 always exists (empty on a new site); others only with something in.
    if page > 1 and not source.in_file(page).exists():
        raise Http404
    return StreamingHttpResponse(source.stream(request, page), content_type=XML)


@require_safe
def news_sitemap(request):
    return StreamingHttpResponse(sitemaps.stream_news(request), content_type=XML)
