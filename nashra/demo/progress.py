"""What `nashra demo` shows while it loads: a bar, not a log line per page (#12).

Wagtail logs every page created, edited and published at INFO: ~130 lines for
the demo, which buried the one line a newcomer needs (the admin's login).
On a terminal one bar redraws itself; in a log (CI, a pipe) a line at the
start and the summary at the end are enough.
"""

import logging
from contextlib import contextmanager

from django.core.management.base import OutputWrapper

BAR_WIDTH = 30


class Progress:
    """Counts articles as they are created and draws them on ``stream``."""

    def __init__(self, stream, total: int, label: str):
        self.stream = stream
        self.total = total
        self.label = label
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.done = 0
        # A command's stdout ends every write with a newline unless told not to.
        wrapped = isinstance(stream, OutputWrapper)
        self.write = (
            (lambda text: stream.write(text, ending="")) if wrapped else stream.write
        )

    def start(self, detail: str) -> None:
        if self.tty:
            self._draw()
        else:
            self.write(f"{self.label}: {detail}\n")

    def step(self) -> None:
        self.done += 1
        if self.tty:
            self._draw()

    def finish(self) -> None:
        if self.tty:
            self.write("\n")

    def _draw(self) -> None:
        filled = BAR_WIDTH * self.done // max(self.total, 1)
        bar = "█" * filled + "·" * (BAR_WIDTH - filled)
        self.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()


@contextmanager
def quiet_page_log():
    """Wagtail's per-page INFO lines off for the duration; warnings still show."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
