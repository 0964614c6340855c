"""JSON-LD of a story's format and its review boxes (#20, #21).

A video story's NewsArticle carries a VideoObject, an audio story's an
AudioObject; a gallery is an ImageGallery beside the article, each photo with
its caption and credit; an opinion piece is an OpinionNewsArticle. A review
box in the body is a schema.org Review of the thing it rates.
"""

from nashra.articles.formats import gallery_photos, photo_caption, photo_credit
from nashra.articles.models import StoryFormat
from nashra.articles.story_blocks import OUT_OF
from nashra.feeds import links
from nashra.text.credits import credit_name
from nashra.text.players import iso_duration, player

GALLERY_IMAGE = "width-1920|format-jpeg"


def _media(kind, page, request, meta):
    found = {
        "@type": kind,
        "name": page.title,
        "description": meta["description"] or page.title,
        "uploadDate": meta["published"],
    }
    if meta["image"]:
        found["thumbnailUrl"] = [meta["image"]["url"]]
    duration = iso_duration(page.media_duration)
    if duration:
        found["duration"] = duration
    return found


def _document(document, request):
    return {"contentUrl": links.absolute(request, document.url),
            "encodingFormat": document.content_type}  # fmt: skip


def video(page, request, meta):
    found = _media("VideoObject", page, request, meta)
    if page.video_file_id and page.video_file:
        return {**found, **_document(page.video_file, request)}
    hosted = player(page.video_url)
    if hosted:
        return {**found, "embedUrl": hosted.embed_url.split("?")[0]}
    if page.video_url:
        return {**found, "contentUrl": page.video_url}
    return None


def audio(page, request, meta):
    found = _media("AudioObject", page, request, meta)
    if page.audio_file_id and page.audio_file:
        return {**found, **_document(page.audio_file, request)}
    if page.audio_url:
        return {**found, "contentUrl": page.audio_url}
    return None


def gallery(page, request, url):
    images = []
    for photo in gallery_photos(page):
        rendition = photo.image.get_rendition(GALLERY_IMAGE)
        image = {
            "@type": "ImageObject",
            "contentUrl": links.absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
        caption, credit = photo_caption(photo), credit_name(photo_credit(photo))
        if caption:
            image["caption"] = caption
        if credit:
            image["creditText"] = credit
        images.append(image)
    if not images:
        return None
    return {
        "@type": "ImageGallery",
        "@id": f"{url}#gallery",
        "name": page.title,
        "url": url,
        "isPartOf": {"@id": f"{url}#article"},
        "image": images,
    }


def _rating(value):
    """The overall score in the box's own scale: 87 of 100, 8.7 of 10…"""
    best = int(OUT_OF.get(value.get("style"), "100"))
    score = (value.get("score") or 0) * best / 100
    return {
        "@type": "Rating",
        "ratingValue": round(score, 1) if best != 100 else int(score),
        "bestRating": best,
        "worstRating": 0,
    }


def reviews(page, article):
    """A Review for each review box in the body."""
    found = []
    for block in page.body:
        if block.block_type != "review":
            continue
        value = block.value
        item = {"@type": "Thing", "name": value.get("title") or page.title}
        if value.get("readers_count"):
            item["aggregateRating"] = {
                "@type": "AggregateRating",
                "ratingValue": value.get("readers_rating") or 0,
                "bestRating": 5,
                "worstRating": 0,
                "ratingCount": value["readers_count"],
            }
        review = {
            "@type": "Review",
            "name": value.get("title") or page.title,
            "itemReviewed": item,
            "reviewRating": _rating(value),
            "author": article["author"] or article["publisher"],
            "publisher": {"@id": article["publisher"]["@id"]},
            "datePublished": article["datePublished"],
            "url": article["url"],
        }
        if value.get("summary") or value.get("verdict"):
            review["reviewBody"] = value.get("summary") or value.get("verdict")
        found.append(review)
    return found


def describe_format(page, request, meta, article, url):
    """Adds the format's media to ``article``; returns the nodes that go
    beside it (a gallery, reviews)."""
    beside = []
    if page.format == StoryFormat.OPINION:
        article["@type"] = "OpinionNewsArticle"
    elif page.format == StoryFormat.VIDEO:
        found = video(page, request, meta)
        if found:
            article["video"] = found
    elif page.format == StoryFormat.AUDIO:
        found = audio(page, request, meta)
        if found:
            article["audio"] = found
    elif page.format == StoryFormat.GALLERY:
        found = gallery(page, request, url)
        if found:
            beside.append(found)
    beside.extend(reviews(page, article))
    return beside
