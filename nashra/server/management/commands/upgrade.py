"""`nashra upgrade`: catalogues, static files, migrations, then the cache (#17)."""

import subprocess

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from nashra.server import upgrade


class Command(BaseCommand):
    help = (
        "Prepare a new version while the old one serves: compile the "
        "catalogues, collect the static files (hashed, old ones kept), apply "
        "the migrations, then invalidate every cached page."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cache-only",
            action="store_true",
            help="Only invalidate the page cache (after the restart).",
        )

    def handle(self, *args, cache_only=False, **options):
        try:
            upgrade.run(["cache"] if cache_only else None, write=self.stdout.write)
        except subprocess.CalledProcessError as error:
            last = (error.stderr or "").strip().splitlines()[-1:] or [str(error)]
            self.stderr.write(
                f"upgrade stopped: collectstatic failed: {last[0]} / "
                "توقّف التحديث: تعذّر جمع الملفات الثابتة"
            )
            raise SystemExit(1) from None
        except DatabaseError as error:
            self.stderr.write(
                f"upgrade stopped: the database refused a migration: {error} / "
                "توقّف التحديث: رفضت قاعدة البيانات أحد الترحيلات"
            )
            raise SystemExit(1) from None
