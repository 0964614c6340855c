"""`nashra backup FILE`: the whole site in one archive, while it serves (#17)."""

from django.core.management.base import BaseCommand

from nashra.server.backup.archive import BadArchive
from nashra.server.backup.operations import make_backup


class Command(BaseCommand):
    help = (
        "Write one archive with a consistent database snapshot, every media "
        "file and the secret key; safe while the site serves."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the archive (.tar.gz)")

    def handle(self, *args, file, **options):
        try:
            manifest = make_backup(file)
        except BadArchive as problem:
            self.stderr.write(str(problem))
            raise SystemExit(2) from None
        except OSError as error:
            self.stderr.write(
                f"backup not written: {error.strerror or error} ({error.filename}) / "
                f"لم تُكتب النسخة الاحتياطية: {error.filename}"
            )
            raise SystemExit(1) from None
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"{file}: {rows} rows, {manifest['media']} media files"
            f"{', the secret key' if manifest['secret_key'] else ''}"
        )
