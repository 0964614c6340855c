"""What a page tells search engines and social networks about itself.

`describe(context)` reads the template context a page already has (its page,
byline, tags, section) and returns canonical URL, OpenGraph/Twitter values
and JSON-LD, adding at most a couple of queries. Every URL in here is
percent-encoded: consumers of og:url and JSON-LD reject raw Arabic.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

from nashra.articles.models import ArticlePage
from nashra.feeds import links
from nashra.feeds.feeds import FEED_IMAGE
from nashra.feeds.formats import describe_format
from nashra.feeds.podcast_feed import COVER
from nashra.home.models import HomePage
from nashra.images import renditions
from nashra.live.models import LivePage
from nashra.live.structured import live_blog_posting
from nashra.sections.breadcrumbs import trail as section_trail
from nashra.sections.models import SectionPage

OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}
LOGO_SIZE = 192  # static/feeds/publisher-logo.png


def w3c(moment):
    return moment.isoformat(timespec="seconds") if moment else None


def _image(image, request):
    # The article page asks for these sizes too: one lookup serves both.
    rendition = image.get_renditions(*renditions.ARTICLE)[FEED_IMAGE]
    return {
        "url": links.absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def logo(request):
    uploaded = links.options(request).publisher_logo
    if uploaded:
        return _image(uploaded, request)
    size = LOGO_SIZE
    url = static("feeds/publisher-logo.png")
    return {"url": links.absolute(request, url), "width": size, "height": size}


def organization(request):
    root = links.root_url(request)
    mark = logo(request)
    return {
        "@type": "NewsMediaOrganization",
        "@id": f"{root}/#organization",
        "name": links.publication_name(request),
        "url": f"{root}/",
        "logo": {"@type": "ImageObject", "url": mark["url"],
                 "width": mark["width"], "height": mark["height"]},
    }  # fmt: skip


def website(request):
    root = links.root_url(request)
    return {
        "@type": "WebSite",
        "@id": f"{root}/#website",
        "url": f"{root}/",
        "name": links.publication_name(request),
        "inLanguage": settings.LANGUAGE_CODE,
        "publisher": {"@id": f"{root}/#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{root}/search/?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(trail):
    """[(name, url)] → BreadcrumbList, positions counted from 1."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": url}
            for index, (name, url) in enumerate(trail, start=1)
        ],
    }


def _page_trail(page, request):
    """Home → sections → page, the trail the visible breadcrumbs show
    (nashra.sections.breadcrumbs): the sections come from the cached tree,
    so a sub-section's article costs no query per ancestor (#20)."""
    trail = []
    for crumb in section_trail(page):
        if crumb.page is None:
            url = links.absolute(request, "/")
        else:
            url = links.page_url(crumb.page, request)
        if url:
            trail.append((crumb.name, url))
    return trail


def _paginated(url, request):
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        return f"{url}?page={int(number)}"
    return url


def _feeds(kind, subject, request):
    from django.urls import reverse

    name = links.site_for(request).site_name or _("Nashra")
    found = [(name, reverse("feeds:site-rss"), reverse("feeds:site-atom"))]
    if kind in {"section", "tag", "author"}:
        arg = subject.pk if kind == "section" else subject.slug
        label = getattr(subject, "title", None) or subject.name
        found.append((label, reverse(f"feeds:{kind}-rss", args=[arg]),
                      reverse(f"feeds:{kind}-atom", args=[arg])))  # fmt: skip
    if kind == "article":
        found.append((_("Comments on %(title)s") % {"title": subject.title},
                      reverse("feeds:comments-rss", args=[subject.pk]), None))  # fmt: skip
    return found


def describe(context):
    """Metadata for the page being rendered, or None for pages without any (404)."""
    request = context.get("request")
    # Previews are never indexed or shared, and a new page has no id or URL yet.
    if request is None or getattr(request, "is_preview", False):
        return None

    page = context.get("page")
    if isinstance(page, ArticlePage):
        return _article(context, page, request)
    if isinstance(page, SectionPage | HomePage):
        return _listing_page(page, request)
    if context.get("tag") is not None and page is None:
        return _subject(context["tag"], "tag", request)
    if context.get("author") is not None and page is None:
        return _subject(context["author"], "author", request)
    if context.get("podcast") is not None and page is None:
        return _podcast(context["podcast"], request)
    return None


def _podcast(show, request):
    """A show's page (#20): its cover as the picture, its feed for apps."""
    url = links.absolute(request, show.get_absolute_url())
    meta = _base(request, "podcast", show.title, show.description[:300], url)
    meta["feeds"] = [(show.title, show.feed_path(), None)]
    if show.cover:
        rendition = show.cover.get_rendition(COVER)
        meta["image"] = {"url": links.absolute(request, rendition.url),
                         "width": rendition.width, "height": rendition.height,
                         "alt": show.cover.default_alt_text}  # fmt: skip
    home = (meta["site_name"], links.absolute(request, "/"))
    meta["json_ld"] = [
        {"@type": "PodcastSeries", "@id": f"{url}#podcast", "name": show.title,
         "description": show.description, "url": url, "inLanguage": show.language,
         "webFeed": links.absolute(request, show.feed_path())},
        breadcrumbs([home, (show.title, url)]),
    ]  # fmt: skip
    return meta


def _base(request, kind, title, description, url):
    return {
        "kind": kind,
        "title": title,
        "description": description,
        "canonical": url,
        "site_name": links.publication_name(request),
        "og_locale": OG_LOCALES.get(settings.LANGUAGE_CODE[:2], "ar_AR"),
        "og_type": "website",
        "image": None,
        "json_ld": [],
    }


def _listing_page(page, request):
    url = _paginated(links.page_url(page, request), request)
    is_home = isinstance(page, HomePage)
    if is_home:
        description = page.meta_description(request)
    else:
        description = page.search_description or getattr(page, "description", "")
    meta = _base(request, "section", page.seo_title or page.title, description, url)
    meta["feeds"] = _feeds("site" if is_home else "section", page, request)
    if is_home:
        meta["title"] = page.seo_title or meta["site_name"]
        meta["json_ld"] = [organization(request), website(request)]
    else:
        meta["json_ld"] = [breadcrumbs(_page_trail(page, request))]
    return meta


def _subject(subject, kind, request):
    url = _paginated(links.absolute(request, subject.get_absolute_url()), request)
    if kind == "tag":
        description = _("Articles tagged %(name)s") % {"name": subject.name}
    else:
        description = (subject.bio or subject.role or subject.name)[:300]
    meta = _base(request, kind, subject.name, description, url)
    meta["og_type"] = "profile" if kind == "author" else "website"
    meta["feeds"] = _feeds(kind, subject, request)
    home = (meta["site_name"], links.absolute(request, "/"))
    meta["json_ld"] = [breadcrumbs([home, (subject.name, url)])]
    return meta


def _article(context, page, request):
    url = links.page_url(page, request)
    authors = context.get("authors") or page.byline_authors
    tags = context.get("tags") or list(page.tags.all())
    section = context.get("section") or page.section
    meta = _base(
        request,
        "article",
        page.seo_title or page.title,
        page.search_description or page.summary,
        url,
    )
    meta["og_type"] = "article"
    meta["published"] = w3c(page.published_at)
    # A correction or update note dated after the last publish counts (#14).
    meta["modified"] = w3c(page.modified_at)
    meta["section"] = section.title if section else ""
    meta["tags"] = [tag.name for tag in tags]
    meta["authors"] = [author.name for author in authors]
    people = [
        {"@type": "Person", "name": author.name,
         "url": links.absolute(request, author.get_absolute_url())}
        for author in authors
    ]  # fmt: skip
    # OpenGraph's article:author is an array of profile URLs: one meta each (#20).
    meta["author_urls"] = [person["url"] for person in people]
    meta["feeds"] = _feeds("article", page, request)
    if page.featured_image:
        meta["image"] = _image(page.featured_image, request)
    article = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "headline": page.title[:110],
        "description": meta["description"],
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": meta["published"],
        "dateModified": meta["modified"],
        "inLanguage": settings.LANGUAGE_CODE,
        "author": people,
        "publisher": organization(request),
        "articleSection": meta["section"],
        "keywords": meta["tags"],
    }
    notes = context.get("notes")
    notes = list(page.corrections.all()) if notes is None else notes
    corrections = [_correction(note) for note in notes if note.is_correction]
    if corrections:
        article["correction"] = corrections
    if meta["image"]:
        article["image"] = [{"@type": "ImageObject", "url": meta["image"]["url"],
                             "width": meta["image"]["width"],
                             "height": meta["image"]["height"]}]  # fmt: skip
    # The story's format: its media, a gallery and review boxes (#20).
    beside = describe_format(page, request, meta, article, url)
    if isinstance(page, LivePage):
        article = live_blog_posting(article, page, context.get("entries") or [], url)
    meta["json_ld"] = [article, *beside, breadcrumbs(_page_trail(page, request))]
    return meta


def _correction(note):
    """schema.org's CorrectionComment for one published correction (#14)."""
    return {
        "@type": "CorrectionComment",
        "text": note.text,
        "datePublished": w3c(note.at),
    }
