"""`nashra demo` shows a progress bar, not ~130 INFO lines (#12)."""

import io
from unittest import mock

from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.test import TestCase

from nashra.ads.models import AdSlot
from nashra.articles.models import ArticlePage
from nashra.demo import content
from nashra.demo.progress import BAR_WIDTH, Progress
from nashra.images.factories import jpeg_bytes


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_one_bar_redrawn_in_place():
    screen = Terminal()
    progress = Progress(OutputWrapper(screen), 4, "Demo")
    progress.start("4 articles")
    for _ in range(4):
        progress.step()
    progress.finish()
    shown = screen.getvalue()
    assert shown.count("\n") == 1 and shown.endswith("\n")
    assert shown.count("\r") == 5
    assert shown.rstrip("\n").rsplit("\r", 1)[1] == f"Demo [{'█' * BAR_WIDTH}] 4/4"
    assert (
        "\rDemo [" + "█" * (BAR_WIDTH // 2) + "·" * (BAR_WIDTH // 2) + "] 2/4" in shown
    )


def test_a_log_gets_one_line_and_no_bar():
    log = io.StringIO()
    progress = Progress(OutputWrapper(log), 4, "Demo")
    progress.start("4 articles")
    for _ in range(4):
        progress.step()
    progress.finish()
    assert log.getvalue() == "Demo: 4 articles\n"


class DemoCommandOutput(TestCase):
    def test_the_demo_prints_a_few_lines_and_no_page_log(self):
        """A newcomer's first `make serve` must not bury the admin's login
        under a log line for every page created, edited and published."""
        out = io.StringIO()
        with (
            mock.patch("nashra.demo.management.commands.demo.render_image",
                       side_effect=lambda key, w, h: jpeg_bytes(32, 18)),
            self.assertNoLogs("wagtail", level="INFO"),
        ):  # fmt: skip
            call_command("demo", stdout=out)
        lines = out.getvalue().splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertIn(f"{len(content.ARTICLES)} articles", lines[0])
        self.assertIn("Demo site loaded", lines[1])
        live = len(content.LIVE_PAGES)
        episodes = sum(len(show["episodes"]) for show in content.PODCASTS)
        self.assertEqual(
            ArticlePage.objects.count(), len(content.ARTICLES) + live + episodes
        )
        # A newcomer sees house ads in a few slots (#20).
        self.assertEqual(
            AdSlot.objects.filter(kind="house").count(), len(content.HOUSE_ADS)
        )
        home = self.client.get("/").content.decode()
        self.assertIn(' data-ad-slot="ترويسة-النشرة"', home)
        self.assertIn(' data-ad-slot="بين-الكتل"', home)
        # And widgets in the sidebar and footer (#20).
        self.assertIn("widget-area--sidebar", home)
        # Most read waits for the first readers: no view is made up.
        self.assertNotIn("widget--most-read", home)
        self.assertIn("نشرة الصباح", home)
        self.assertIn("widget-area--footer", home)
        self.assertIn("widget--today", home)
        self.assertIn("widget--section", home)
