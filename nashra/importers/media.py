"""Attachments → Wagtail images and documents, from the uploads folder (#7).

Nothing is downloaded unless --fetch-media is given; then only from the
export's own host, never from an internal address the operator did not name,
with a size cap and a timeout (fetching.py, #17).
"""

import io
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from nashra.text.reading import plain_text

from .fetching import MAX_BYTES, fetch
from .images import url_path
from .ledger import checksum

UPLOADS_MARKER = "/wp-content/uploads/"


def relative_path(item) -> str:
    """The file's path under wp-content/uploads, from postmeta or the URL."""
    attached = item.postmeta.get("_wp_attached_file", "").strip()
    if attached:
        return attached.lstrip("/")
    path = unquote(urlsplit(item.attachment_url or item.guid).path)
    _, marker, rest = path.partition(UPLOADS_MARKER)
    return rest if marker else ""


def local_file(uploads: Path | None, relative: str) -> Path | None:
    """The file inside the uploads folder; never a path that climbs out of it."""
    if uploads is None or not relative:
        return None
    root = uploads.resolve()
    candidate = (root / relative).resolve()
    if root not in candidate.parents or not candidate.is_file():
        return None
    return candidate


def is_image(name: str) -> bool:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return extension in settings.WAGTAILIMAGES_EXTENSIONS


def import_attachment(run, item) -> None:
    report = run.report
    relative = relative_path(item)
    alt = item.postmeta.get("_wp_attachment_image_alt", "")
    digest = checksum(item.title, item.excerpt, alt, relative, item.attachment_url)
    row = run.ledger.find("attachment", item.wp_id, item.guid)
    # Outside wp-content/uploads (multisite /files/, offloaded media) there is
    # no relative path, but the URL's file name still says what it is (#13).
    file_name = os.path.basename(relative or url_path(item.attachment_url or ""))
    model = get_image_model() if is_image(file_name) else get_document_model()
    existing = model.objects.filter(pk=row.object_id).first() if row else None
    if existing and row.checksum == digest and row.content_type.model_class() is model:
        report.count("attachments", "unchanged")
        return
    if existing:
        with transaction.atomic():
            _describe(existing, item, alt)
            existing.save()
            run.ledger.record(row, "attachment", item.wp_id, existing, digest,
                              **_row_fields(item))  # fmt: skip
        report.count("attachments", "updated")
        return
    data = _read(run, item, relative)
    if data is None:
        report.count("attachments", "skipped")
        return
    if run.dry_run:
        report.count("attachments", "created")
        return
    name = file_name or f"attachment-{item.wp_id}"
    try:
        with transaction.atomic():
            target = _create(model, item, alt, name, data)
            run.ledger.record(None, "attachment", item.wp_id, target, digest,
                              **_row_fields(item))  # fmt: skip
    except (OSError, ValueError, PILImage.DecompressionBombError) as error:
        report.problem(item.wp_id, "media", f"{name}: cannot be stored ({error})")
        report.count("attachments", "failed")
        return
    report.count("attachments", "created")


def _row_fields(item) -> dict:
    return {
        "guid": item.guid[:500],
        "wp_parent": item.parent_id or None,
        "url": url_path(item.attachment_url or ""),
    }


def _read(run, item, relative) -> bytes | None:
    found = local_file(run.uploads, relative)
    if found is not None:
        if found.stat().st_size > MAX_BYTES:
            run.report.problem(item.wp_id, "media", f"{relative}: larger than 25 MB")
            return None
        return found.read_bytes()
    if run.fetch_media and item.attachment_url:
        try:
            return fetch(item.attachment_url, run.site_host, run.allowed_hosts)
        except (OSError, ValueError) as error:
            run.report.problem(item.wp_id, "media", not_fetched(item, error))
            return None
    where = "no --uploads folder given" if run.uploads is None else "file missing"
    run.report.problem(
        item.wp_id, "media", f"{relative or item.attachment_url}: {where}"
    )
    return None


def not_fetched(item, error) -> str:
    """One line naming the URL, why in English, then in Arabic (#17)."""
    reason = getattr(error, "reason", None) or error
    with translation.override("ar"):
        arabic = getattr(reason, "arabic", None) or _("could not be downloaded")
        arabic = _("not fetched: %(reason)s") % {"reason": arabic}
    return f"{item.attachment_url}: not fetched ({reason}) · {arabic}"


def _create(model, item, alt, name, data):
    if model is get_image_model():
        # Pillow reads the header only; a bomb or a non-image stops here.
        with PILImage.open(io.BytesIO(data)) as probe:
            probe.verify()
        target = model(file=ImageFile(io.BytesIO(data), name=name))
    else:
        target = model(file=ContentFile(data, name=name))
    _describe(target, item, alt)
    target.save()
    return target


def _describe(target, item, alt) -> None:
    target.title = (item.title or item.slug or str(item.wp_id))[:255]
    if hasattr(target, "alt_text"):
        target.alt_text = alt[:500]
        target.caption = _plain(item.excerpt)[:500]


def _plain(html: str) -> str:
    return plain_text(html).strip()
