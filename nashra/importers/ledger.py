"""Lookups in the import bookkeeping (ImportedObject) for one source site."""

import hashlib
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType

from .models import ImportedObject

# Bump when the importer maps records differently, so a re-run updates them.
MAPPING_VERSION = "1"


def source_key(channel) -> str:
    """The export's site without scheme or www: http and https are one site."""
    parts = urlsplit(channel.base_blog_url or channel.base_site_url or channel.link)
    host = (parts.hostname or "").removeprefix("www.")
    return (host + parts.path.rstrip("/"))[:255] or "unknown"


def checksum(*parts) -> str:
    digest = hashlib.sha256(MAPPING_VERSION.encode())
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


class Ledger:
    def __init__(self, source: str):
        self.source = source
        # Keys known to have a row, per preloaded kind: a key missing here
        # needs no query (a superset is safe: it only costs a lookup).
        self.known: dict[str, set[str]] = {}

    def preload(self, kind: str) -> None:
        """Read the keys of one kind once: a first import of 50,000
        attachments would otherwise ask for each of them in vain (#7)."""
        self.known[kind] = set(
            ImportedObject.objects.filter(source=self.source, kind=kind)
            .values_list("wp_key", flat=True)
            .iterator(chunk_size=5000)
        )

    def find(self, kind: str, key, guid: str = "") -> ImportedObject | None:
        known = self.known.get(kind)
        if key is not None and known is not None and str(key) not in known:
            return None
        rows = ImportedObject.objects.filter(source=self.source, kind=kind)
        if key is None and guid:
            # Ids are unique within one export, guids not always (#7 fixtures).
            return rows.filter(guid=guid[:500]).first()
        return rows.filter(wp_key=str(key)).first()

    def target_id(self, kind: str, key) -> int | None:
        row = (
            ImportedObject.objects.filter(
                source=self.source, kind=kind, wp_key=str(key)
            )
            .values_list("object_id", flat=True)
            .first()
        )
        return row

    def record(self, row, kind, key, obj, digest, **fields) -> ImportedObject:
        """Create or update the row saying `key` became `obj`."""
        if row is None:
            row = ImportedObject(source=self.source, kind=kind)
        row.wp_key = str(key)
        if kind in self.known:
            self.known[kind].add(row.wp_key)
        row.content_type = ContentType.objects.get_for_model(obj)
        row.object_id = obj.pk
        row.checksum = digest
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()
        return row
