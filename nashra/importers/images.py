"""Image references left by the converter → ids of imported Wagtail images (#7)."""

import re
from urllib.parse import unquote, urlsplit

from wagtail.images import get_image_model

from .models import ImportedObject

# WordPress's resized copies: photo-300x200.jpg is photo.jpg.
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")


def url_path(url: str) -> str:
    return unquote(urlsplit(url).path)[:500]


class ImageResolver:
    def __init__(self, run):
        self.run = run
        self.image_type = None
        self._by_id: dict[str, int] | None = None
        self._by_url: dict[str, int] | None = None

    def freeze(self) -> None:
        """Hold every imported image's ids in memory from now on.

        Called once pass 1 has imported every attachment: two or three
        lookups per image reference were most of a post's queries (#7), and
        the maps cost a few bytes per attachment. First row by pk wins, as
        .first() picks it.
        """
        by_id: dict[str, int] = {}
        by_url: dict[str, int] = {}
        rows = self._rows().order_by("pk").values_list("wp_key", "url", "object_id")
        for key, url, object_id in rows.iterator(chunk_size=5000):
            by_id.setdefault(key, object_id)
            if url:
                by_url.setdefault(url, object_id)
        self._by_id, self._by_url = by_id, by_url

    def _rows(self):
        from django.contrib.contenttypes.models import ContentType

        if self.image_type is None:
            self.image_type = ContentType.objects.get_for_model(get_image_model())
        return ImportedObject.objects.filter(
            source=self.run.ledger.source, kind="attachment",
            content_type=self.image_type,
        )  # fmt: skip

    def by_id(self, wp_id) -> int | None:
        if wp_id is None:
            return None
        if self._by_id is not None:
            return self._by_id.get(str(wp_id))
        return (
            self._rows()
            .filter(wp_key=str(wp_id))
            .values_list("object_id", flat=True)
            .first()
        )

    def by_src(self, src: str) -> int | None:
        if not src:
            return None
        path = url_path(src)
        for candidate in dict.fromkeys([path, SIZE_SUFFIX.sub("", path)]):
            if self._by_url is not None:
                found = self._by_url.get(candidate)
                if found:
                    return found
                continue
            found = (
                self._rows()
                .filter(url=candidate)
                .values_list("object_id", flat=True)
                .first()
            )
            if found:
                return found
        return None

    def resolve(self, ref: dict) -> int | None:
        return self.by_id(ref.get("wp_attachment_id")) or self.by_src(
            ref.get("src", "")
        )

    def of_post(self, wp_id) -> list[int]:
        """The post's own attachments, for a [gallery] without ids."""
        rows = self._rows().filter(wp_parent=wp_id).values_list("wp_key", "object_id")
        return [pk for _, pk in sorted(rows, key=lambda row: int(row[0]))]

    def blocks(self, blocks: list[dict], item, report) -> list[dict]:
        """Blocks with image refs replaced by ids; unresolvable images reported."""
        out = []
        for block in blocks:
            kind = block["type"]
            if kind == "image":
                value = self._image(block["value"], item, report)
                if value:
                    out.append({"type": "image", "value": value})
            elif kind == "gallery":
                gallery = self._gallery(block["value"], item, report)
                if gallery:
                    out.append({"type": "gallery", "value": gallery})
            else:
                out.append(block)
        return out

    def _image(self, value: dict, item, report) -> dict | None:
        ref = value["image"]
        image_id = self.resolve(ref)
        if image_id is None:
            label = ref.get("src") or f"attachment {ref.get('wp_attachment_id')}"
            report.problem(item.wp_id, "image", f"image not imported: {label[:200]}")
            return None
        return {**value, "image": image_id}

    def _gallery(self, value: dict, item, report) -> dict | None:
        images = []
        if value.get("post_attachments"):
            for image_id in self.of_post(item.wp_id):
                images.append(
                    {"image": image_id, "caption": "", "credit": "", "alt": ""}
                )
        for entry in value.get("images", []):
            resolved = self._image(entry, item, report)
            if resolved:
                images.append(resolved)
        if not images:
            report.problem(item.wp_id, "image", "gallery without imported images")
            return None
        return {"images": images, "caption": value.get("caption", "")}
