"""Build the demo newspaper from nashra.demo.content with the apps' factories."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from nashra.ads.models import AdSlot
from nashra.articles.factories import (
    create_article,
    create_author,
    create_document,
    wav_bytes,
)
from nashra.articles.models import GalleryPhoto, StoryFormat
from nashra.home.models import HomePage
from nashra.images.factories import create_image
from nashra.live.factories import create_live_page, post_text
from nashra.live.models import LiveEntry
from nashra.podcasts.factories import create_audio
from nashra.podcasts.models import Episode, Podcast
from nashra.sections.factories import create_section
from nashra.widgets.models import WidgetAreas

DEMO_IMAGE_SIZE = (1600, 900)


class ImageLibrary:
    """Renders each demo picture once and reuses it wherever its key appears."""

    def __init__(self, render):
        self.render = render
        self.images = {}

    def get(self, key, *, caption="", credit=""):
        if key not in self.images:
            self.images[key] = create_image(
                title=caption or key,
                data=self.render(key, *DEMO_IMAGE_SIZE),
                filename=f"{key}.jpg",
                caption=caption,
                credit=credit,
            )
        return self.images[key]


def _body(blocks, images):
    body = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "image":
            image = images.get(value["image"], caption=value.get("caption", ""),
                               credit=value.get("credit", ""))  # fmt: skip
            value = {**value, "image": image.pk}
        body.append({"type": block["type"], "value": value})
    return body


@transaction.atomic
def load_demo(content, render, now=None, progress=None):
    """Create sections, authors, images and articles; returns how many articles.

    ``progress`` is called once after each article."""
    now = now or timezone.now()
    home = HomePage.objects.get()
    sections = {
        spec["slug"]: create_section(home, spec["title"], spec["slug"],
                                     description=spec["description"])
        for spec in content.SECTIONS
    }  # fmt: skip
    for spec in getattr(content, "SUBSECTIONS", ()):
        sections[spec["slug"]] = create_section(
            sections[spec["parent"]], spec["title"], spec["slug"],
            description=spec["description"],
        )  # fmt: skip
    authors = {
        spec["slug"]: create_author(spec["name"], spec["slug"], role=spec["role"],
                                    bio=spec["bio"])
        for spec in content.AUTHORS
    }  # fmt: skip
    images = ImageLibrary(render)
    formats = getattr(content, "FORMATS", {})
    for spec in sorted(content.ARTICLES, key=lambda item: -item["hours_ago"]):
        shaped = _format_fields(formats.get(spec["slug"]), spec, authors, images)
        article = create_article(
            sections[spec["section"]],
            spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            body=_body(spec["body"], images),
            authors=[authors[slug] for slug in spec["authors"]],
            tags=spec["tags"],
            published_at=now - timedelta(hours=spec["hours_ago"]),
            featured=spec["featured"],
            featured_image=images.get(spec["image"], caption=spec["image_caption"],
                                      credit=spec["image_credit"]),
            image_caption=spec["image_caption"],
            image_credit=spec["image_credit"],
            **shaped,
        )  # fmt: skip
        _gallery(article, formats.get(spec["slug"]), images)
        if progress is not None:
            progress()
    for spec in getattr(content, "LIVE_PAGES", ()):
        _live_page(spec, sections, authors, now)
    for spec in getattr(content, "HOUSE_ADS", ()):
        _house_ad(spec, render)
    for spec in getattr(content, "PODCASTS", ()):
        _podcast(spec, sections, authors, render, now)
    _widgets(getattr(content, "WIDGETS", {}), sections, home)
    return len(content.ARTICLES)


def _widgets(areas, sections, home):
    """The sidebar and footer widgets, sections named by slug (#20)."""
    if not areas:
        return
    placed = WidgetAreas.for_site(home.get_site())
    for area, blocks in areas.items():
        stream = []
        for block in blocks:
            value = dict(block["value"])
            if "section" in value:
                value["section"] = sections[value["section"]].pk
            stream.append({"type": block["type"], "value": value})
        setattr(placed, area, stream)
    placed.save()


def _podcast(spec, sections, authors, render, now):
    """A show with a square cover and its episodes, each an audio story whose
    sound is made here (#20)."""
    cover = create_image(
        title=spec["title"], data=render(spec["cover"], 1400, 1400),
        filename=f"{spec['cover']}.jpg",
    )  # fmt: skip
    section = sections[spec["section"]]
    show = Podcast.objects.create(
        slug=spec["slug"], title=spec["title"], description=spec["description"],
        cover=cover, author=spec["author"], owner_name=spec["owner_name"],
        owner_email=spec["owner_email"], category=spec["category"], section=section,
    )  # fmt: skip
    for episode in sorted(spec["episodes"], key=lambda item: -item["hours_ago"]):
        audio = create_audio(
            episode["title"], episode["seconds"], pitch=episode["pitch"],
            filename=f"episode-{episode['number']}.wav",
        )  # fmt: skip
        story = create_article(
            section, episode["title"], slug=episode["slug"],
            summary=episode["summary"], format=StoryFormat.AUDIO, audio_file=audio,
            authors=[authors[slug] for slug in episode["authors"]],
            published_at=now - timedelta(hours=episode["hours_ago"]),
        )  # fmt: skip
        Episode.objects.create(podcast=show, article=story, number=episode["number"])
    return show


def _format_fields(shape, spec, authors, images):
    """The article fields of a story format (content/formats.py, #20)."""
    if not shape:
        return {}
    fields = {"format": shape["format"]}
    for name in ("video_url", "media_duration"):
        if name in shape:
            fields[name] = shape[name]
    if "audio_seconds" in shape:
        seconds = shape["audio_seconds"]
        fields["audio_file"] = create_document(
            spec["title"][:100], wav_bytes(seconds), f"{shape['format']}-demo.wav"
        )
        fields["media_duration"] = seconds
    if "columnist_photo" in shape:
        columnist = authors[spec["authors"][0]]
        columnist.photo = images.get(shape["columnist_photo"], caption=columnist.name)
        columnist.save(update_fields=["photo"])
    return fields


def _gallery(article, shape, images):
    if not shape or not shape.get("photos"):
        return
    article.gallery_photos = [
        GalleryPhoto(image=images.get(key), caption=caption, credit=credit)
        for key, caption, credit in shape["photos"]
    ]
    article.save_revision().publish()


def _house_ad(spec, render):
    """A house ad in its slot, its image drawn at twice the slot's size (#20)."""
    width, height = spec["width"], spec["height"]
    image = create_image(
        title=spec["alt"], data=render(spec["image"], width * 2, height * 2),
        filename=f"{spec['image']}.jpg",
    )  # fmt: skip
    AdSlot.objects.create(
        name=spec["name"], placement=spec["placement"], kind="house",
        position=spec.get("position", 3), width=width, height=height,
        image=image, link=spec["link"], alt=spec["alt"],
    )  # fmt: skip


def _live_page(spec, sections, authors, now):
    """A running live page whose entries were posted minutes apart (#15)."""
    page = create_live_page(
        sections[spec["section"]],
        spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        authors=[authors[slug] for slug in spec["authors"]],
        coverage_start=now - timedelta(hours=1),
        published_at=now - timedelta(hours=1),
    )
    for minutes_ago, text, key_event, pinned in spec["entries"]:
        entry = post_text(page, text, key_event=key_event, pinned=pinned)
        posted = now - timedelta(minutes=minutes_ago)
        LiveEntry.objects.filter(pk=entry.pk).update(
            published_at=posted, updated_at=posted
        )
    return page
