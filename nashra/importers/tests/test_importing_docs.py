"""docs/importing.md names every post meta key the importer knows (#21)."""

from pathlib import Path

from django.test import SimpleTestCase

from nashra.importers import jannah_keys

DOCS = Path(__file__).resolve().parents[3] / "docs" / "importing.md"


class ImportingDocsTests(SimpleTestCase):
    def test_every_known_key_has_its_row(self):
        text = DOCS.read_text(encoding="utf-8")
        rows = {
            **{k: ("imported", v) for k, v in jannah_keys.IMPORTED.items()},
            **{k: ("mapped", v) for k, v in jannah_keys.MAPPED.items()},
            **{k: ("ignored", v) for k, v in jannah_keys.IGNORED.items()},
            **{f"{p}…": ("ignored", v) for p, v in jannah_keys.IGNORED_PREFIXES},
        }
        for key, (outcome, why) in rows.items():
            self.assertIn(f"| `{key}` | {outcome} | {why} |", text)
