"""`nashra import-jannah-options FILE`: a Jannah site's theme options (#21)."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from nashra.importers.jannah_options import OptionsError, import_options, read_options

UNREADABLE = 2


class Command(BaseCommand):
    help = (
        "Import the theme options of a WordPress site on the Jannah theme from "
        "its options export (Theme Options → Backup → Download Export File)"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="jannah-options-….dat")
        parser.add_argument(
            "--dry-run", action="store_true", help="read and report, change nothing"
        )
        parser.add_argument("--report", type=Path, help="write the report as JSON")

    def handle(self, *args, file, dry_run, report, **options):
        try:
            data = file.read_bytes()
            found = read_options(data)
        except (OSError, OptionsError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            with translation.override("ar"):
                arabic = _("This file cannot be read as a Jannah theme options export.")
            self.stderr.write(f"import-jannah-options: {reason} · {arabic}")
            sys.exit(UNREADABLE)
        result = import_options(found, dry_run=dry_run)
        for line in result.lines():
            self.stdout.write(line)
        if report is not None:
            report.write_text(
                json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
        if dry_run:
            self.stdout.write("dry run: nothing was saved")
