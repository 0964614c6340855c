"""Running an import in tests: a synthetic export written to a temp file."""

import tempfile
from pathlib import Path

from nashra.importers.run import ImportRun

from .fixtures import item, wxr

__all__ = ["export_file", "item", "run_import", "wxr"]


def export_file(data: bytes) -> Path:
    handle = tempfile.NamedTemporaryFile(suffix=".xml", delete=False)
    with handle:
        handle.write(data)
    return Path(handle.name)


def run_import(source, **options):
    """Import a path, or bytes of an export; returns the Report."""
    path = export_file(source) if isinstance(source, bytes) else source
    return ImportRun(path, **options).execute()
