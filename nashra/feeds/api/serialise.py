"""Model objects → plain dicts matching `schemas`, with absolute, encoded URLs."""

from django.urls import reverse

from nashra.feeds import links


def image(obj, request):
    if obj is None:
        return None
    return {
        "id": obj.pk,
        "title": obj.title,
        "alt": obj.default_alt_text,
        "caption": obj.caption,
        "credit": obj.credit,
        "width": obj.width,
        "height": obj.height,
        "url": links.absolute(request, obj.file.url),
    }


def section_ref(obj, request):
    if obj is None:
        return None
    return {"id": obj.pk, "title": obj.title, "url": links.page_url(obj, request)}


def section(obj, request, parent_ids):
    return {
        **section_ref(obj, request),
        "slug": obj.slug,
        "description": obj.description,
        "parent_id": parent_ids.get(obj.path[: -obj.steplen]),
    }


def author_ref(obj, request):
    url = links.absolute(request, obj.get_absolute_url())
    return {"name": obj.name, "slug": obj.slug, "url": url}


def author(obj, request):
    return {
        **author_ref(obj, request),
        "role": obj.role,
        "bio": obj.bio,
        "photo": image(obj.photo, request),
    }


def _by_name(tag):
    return (tag.name, tag.pk)


def tag(obj, request):
    url = links.absolute(request, obj.get_absolute_url())
    return {"name": obj.name, "slug": obj.slug, "url": url}


def article(obj, request, *, with_body=False):
    data = {
        "id": obj.pk,
        "title": obj.title,
        "slug": obj.slug,
        "url": links.page_url(obj, request),
        "short_url": links.absolute(request, reverse("feeds:short", args=[obj.pk])),
        "summary": obj.summary,
        "published_at": obj.published_at,
        "updated_at": obj.modified_at,
        "breaking": obj.is_breaking,
        "breaking_until": obj.breaking_until if obj.is_breaking else None,
        "section": section_ref(obj.section, request),
        "authors": [author_ref(a.author, request) for a in obj.article_authors.all()],
        # Sorted here, from the prefetched rows: unordered, SQLite and
        # PostgreSQL listed them differently, so a restored site's API did
        # not answer the same bytes (#17).
        "tags": [tag(t, request) for t in sorted(obj.tags.all(), key=_by_name)],
        "image": image(obj.featured_image, request),
    }
    if with_body:
        data["body_html"] = str(obj.body)
    return data
