"""`nashra search reindex`: rebuild the search index from the articles (#5)."""

import io
import time

from django.core.management.base import BaseCommand

from nashra.articles.models import ArticlePage
from nashra.search import indexing
from nashra.search.progress import ProgressBar


class Command(BaseCommand):
    help = "Search index maintenance."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "reindex",
            help="Index every live, public article again and drop everything else.",
        )

    def handle(self, *args, action, **options):
        if action == "reindex":
            self.reindex(options["verbosity"])

    def reindex(self, verbosity):
        # The bar writes to the raw stream: it draws "\r" lines of its own.
        stream = self.stdout._out if verbosity else io.StringIO()
        bar = ProgressBar(ArticlePage.objects.count(), stream)
        started = time.monotonic()
        seen, indexed = indexing.rebuild(progress=bar.update)
        bar.update(seen)
        bar.finish()
        elapsed = time.monotonic() - started
        if verbosity:
            self.stdout.write(
                f"Indexed {indexed:,} live public articles of {seen:,} "
                f"in {elapsed:.1f} s."
            )
