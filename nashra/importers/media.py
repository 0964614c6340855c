"""Attachments → Wagtail images and documents, from the uploads folder (#7).

Nothing is downloaded unless --fetch-media is given; then only from the
export's own host, with a size cap and a timeout, and never by following a
redirect to another host.
"""

import http.client
import io
import os
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from nashra.text.reading import plain_text

from .images import url_path
from .ledger import checksum

MAX_BYTES = 25 * 1024 * 1024
TIMEOUT = 20
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


def fetch(url: str, site_host: str) -> bytes:
    """The file at `url` on the export's own host, or OSError.

    TIMEOUT bounds the whole download, not each read: a host dripping a byte
    at a time held the import forever (#13). Broken responses (a chunked
    body cut short, a hundred headers, less than Content-Length) and
    malformed addresses are OSErrors too, so one bad file never stops a run.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for "host:abc" or "host:99999")
    except ValueError as error:
        raise OSError(f"not a valid address ({error})") from None
    host = (parts.hostname or "").removeprefix("www.")
    if parts.scheme not in ("http", "https") or not host or host != site_host:
        raise OSError("not on the export's own host")
    opener = urllib.request.build_opener(_SameHostRedirects(site_host))
    deadline = time.monotonic() + TIMEOUT
    try:
        with opener.open(_ascii(parts), timeout=TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise OSError("larger than the size limit")
            return _read_within(response, deadline)
    except http.client.HTTPException as error:
        raise OSError(f"broken response ({type(error).__name__})") from None
    except ValueError as error:
        raise OSError(f"not a valid address ({error})") from None


def _ascii(parts) -> str:
    """The address with its path percent-encoded: WordPress writes Arabic
    upload names as they are, and http.client sends ASCII only (#13)."""
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def _read_within(response, deadline: float) -> bytes:
    chunks, size = [], 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise OSError("larger than the size limit")
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        chunks.append(chunk)
    if response.length:
        raise OSError(f"{response.length} bytes short of Content-Length")
    return b"".join(chunks)


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, host):
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = (urlsplit(newurl).hostname or "").removeprefix("www.")
        if target != self.host:
            raise urllib.error.URLError("redirected to another host")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


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
            return fetch(item.attachment_url, run.site_host)
        except (OSError, ValueError) as error:
            reason = getattr(error, "reason", None) or error
            label = relative or item.attachment_url
            run.report.problem(item.wp_id, "media", f"{label}: not fetched ({reason})")
            return None
    where = "no --uploads folder given" if run.uploads is None else "file missing"
    run.report.problem(
        item.wp_id, "media", f"{relative or item.attachment_url}: {where}"
    )
    return None


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
