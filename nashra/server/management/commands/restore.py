"""`nashra restore FILE`: a backup into an empty install (#17).

Run it with the site stopped. A SQLite backup restores into SQLite or into
PostgreSQL (how a newsroom moves up); a PostgreSQL one into PostgreSQL. A
bad archive, or an install it does not fit, is refused with one line in
English and Arabic, exit status 2, and nothing changed.
"""

import os

from django.core.management.base import BaseCommand

from nashra.server.backup.archive import BadArchive
from nashra.server.backup.operations import restore_backup


class Command(BaseCommand):
    help = "Restore a `nashra backup` archive into this (empty) install."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive written by `nashra backup`")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="restore even though this site already has content (it is lost)",
        )

    def handle(self, *args, file, replace, **options):
        try:
            manifest = restore_backup(file, replace=replace)
        except BadArchive as problem:
            self.stderr.write(str(problem))
            raise SystemExit(2) from None
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"restored {file}: {rows} rows, {manifest['media']} media files"
            f" (made {manifest['created_at']})"
        )
        if manifest.get("secret_key") and os.environ.get("SECRET_KEY"):
            self.stderr.write(
                "SECRET_KEY is set in the environment and wins over the restored "
                "key: sessions and signed links of the old site will not work / "
                "متغير SECRET_KEY في البيئة يتقدم على المفتاح المستعاد"
            )
