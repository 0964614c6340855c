from django.core.management.base import BaseCommand, CommandError

from nashra.articles.models import ArticlePage
from nashra.demo import content
from nashra.demo.images import render_image
from nashra.demo.loader import load_demo
from nashra.demo.progress import Progress, quiet_page_log


class Command(BaseCommand):
    help = "Load the demo newspaper (sections, authors, articles, images) into an empty site."

    def handle(self, *args, **options):
        if ArticlePage.objects.exists():
            raise CommandError(
                "The site already has articles; the demo loads only into an empty site.\n"
                "في الموقع مقالات بالفعل؛ لا يُحمَّل المحتوى التجريبي إلا في موقع فارغ."
            )
        progress = Progress(self.stdout, len(content.ARTICLES),
                            "Loading the demo / تحميل الموقع التجريبي")  # fmt: skip
        progress.start(
            f"{len(content.SECTIONS)} sections, {len(content.AUTHORS)} authors, "
            f"{len(content.ARTICLES)} articles"
        )
        with quiet_page_log():
            count = load_demo(content, render_image, progress=progress.step)
        progress.finish()
        self.stdout.write(self.style.SUCCESS(
            f"Demo site loaded: {count} articles / حُمِّل الموقع التجريبي: {count} مقالاً"
        ))  # fmt: skip
