"""A Jannah site's theme options imported from its options export (#21).

The export is Jannah's Backup → "Download Export File": the options row as
JSON. A dump of the row itself is PHP-serialized; both are read.
"""

import json
import tempfile
from io import StringIO
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Site

from nashra.images.factories import create_image
from nashra.images.models import NewsImage
from nashra.importers.models import ImportedObject
from nashra.theme.models import ThemeOptions

from .jannah_export import php

OPTIONS = {
    "global_color": "#0B5394",
    "dark_skin": "true",
    "logo": "https://news.example/wp-content/uploads/2024/01/logo.png",
    "logo_text": "الجريدة",
    "footer_one": "<p>جميع الحقوق محفوظة %year% &copy; %site%</p>",
    "footer_top": "true",
    "top-nav-area-1": "breaking",
    "breaking_effect": "reveal",
    "social": {"facebook": "https://facebook.com/jarida", "twitter": "https://x.com/jarida",
               "myspace": "https://myspace.example/jarida"},
    "sidebars": {"1": "custom"},
}  # fmt: skip


def options_file(data: bytes) -> Path:
    path = Path(tempfile.mkdtemp()) / "jannah-options-01Jan2026.dat"
    path.write_bytes(data)
    return path


class OptionsImport(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.logo = create_image("شعار")
        ImportedObject.objects.create(
            source="https://news.example", kind="attachment", wp_key="9",
            url="/wp-content/uploads/2024/01/logo.png", object_id=cls.logo.pk,
            content_type=ContentType.objects.get_for_model(NewsImage), checksum="x",
        )  # fmt: skip

    def run_command(self, path, *extra):
        out = StringIO()
        call_command("import_jannah_options", str(path), *extra, stdout=out)
        return out.getvalue()

    def theme(self):
        return ThemeOptions.for_site(Site.objects.get(is_default_site=True))

    def test_json_export_maps_logo_colours_ticker_social_and_footer(self):
        report = Path(tempfile.mkdtemp()) / "report.json"
        out = self.run_command(options_file(json.dumps(OPTIONS).encode()),
                               "--report", str(report))  # fmt: skip
        theme = self.theme()
        self.assertEqual(theme.primary_colour, "#0b5394")
        self.assertEqual(theme.colour_scheme, "dark")
        self.assertEqual(theme.logo_id, self.logo.pk)
        self.assertEqual(theme.site_name, "الجريدة")
        self.assertTrue(theme.ticker)
        self.assertTrue(theme.back_to_top)
        self.assertRegex(theme.footer_text, r"^جميع الحقوق محفوظة \d{4} © الجريدة$")
        self.assertEqual(
            list(theme.social_links.values_list("network", "url")),
            [
                ("facebook", "https://facebook.com/jarida"),
                ("x", "https://x.com/jarida"),
            ],
        )
        data = json.loads(report.read_text(encoding="utf-8"))
        self.assertEqual(data["mapped"]["global_color"], "primary colour")
        self.assertEqual(data["ignored"]["social.myspace"], "no such network here")
        self.assertEqual(data["ignored"]["sidebars"], "no equivalent theme option")
        self.assertIn("breaking_effect: ignored", out)

    def test_serialized_row_and_rerun_changes_nothing(self):
        path = options_file(php(OPTIONS).encode())
        self.run_command(path)
        self.run_command(path)
        theme = self.theme()
        self.assertEqual(theme.primary_colour, "#0b5394")
        self.assertEqual(theme.social_links.count(), 2)

    def test_unreadable_colour_and_unknown_logo_are_reported(self):
        options = {"global_color": "#ffee00", "logo": "https://elsewhere.example/l.png"}
        out = self.run_command(options_file(json.dumps(options).encode()))
        self.assertIn("global_color: ignored (too light to read on a white page)", out)
        self.assertIn("logo: ignored (not among the imported images", out)
        self.assertEqual(self.theme().primary_colour, ThemeOptions().primary_colour)
        self.assertIsNone(self.theme().logo_id)

    def test_malformed_file_refused_in_one_line_changing_nothing(self):
        before = self.theme().primary_colour
        for data in (b"<html>not options</html>", b'a:1:{s:3:"x";', b"[]", b"\xff\xfe"):
            err = StringIO()
            with self.assertRaises(SystemExit) as stop:
                call_command("import_jannah_options", str(options_file(data)),
                             stdout=StringIO(), stderr=err)  # fmt: skip
            self.assertEqual(stop.exception.code, 2)
            line = err.getvalue().strip()
            self.assertEqual(len(line.splitlines()), 1)
            self.assertTrue(line.startswith("import-jannah-options: "))
            self.assertIn("لا يمكن", line)
        self.assertEqual(self.theme().primary_colour, before)
        self.assertFalse(ThemeOptions.objects.exclude(primary_colour=before).exists())
