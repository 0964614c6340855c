"""`nashra generate`: a synthetic newspaper for the benchmarks (#8).

In the demo app since #13: it makes data, as `nashra demo` does, through the
articles', comments' and search apps' bulk write paths.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from nashra.comments.counts import forget_warm_counts
from nashra.core.invalidate import bump_now
from nashra.core.statistics import refresh_planner_statistics
from nashra.demo.synthetic import Generator
from nashra.home.models import HomePage


class Command(BaseCommand):
    help = "Add N synthetic published articles (sections, tags, authors, comments)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--comments-per-article", type=int, default=0)
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Skip the search index (run `nashra reindex` later).",
        )

    def handle(self, *args, articles, comments_per_article, seed, no_index, **opts):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError(
                "No home page: run `nashra demo` or `nashra serve` first."
            )
        generator = Generator(
            home,
            seed=seed,
            comments_per_article=comments_per_article,
            index=not no_index,
        )
        started = time.perf_counter()

        def progress(done):
            rate = done / (time.perf_counter() - started)
            self.stdout.write(f"{done} articles ({rate:,.0f}/s)")

        made = generator.run(articles, progress)
        refresh_planner_statistics()
        forget_warm_counts()
        bump_now({"site"})
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{made} articles in {elapsed:.1f}s ({made / elapsed:,.0f}/s)"
            )
        )
