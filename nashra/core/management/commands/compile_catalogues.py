from django.core.management.base import BaseCommand

from nashra.core.catalogues import compile_catalogues


class Command(BaseCommand):
    help = "Compile the .po message catalogues to .mo without GNU gettext."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompile all.")

    def handle(self, *args, force=False, **options):
        for path in compile_catalogues(force=force):
            self.stdout.write(f"compiled {path}")
