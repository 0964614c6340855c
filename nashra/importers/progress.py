"""A progress line on stderr: counts, rate and time left (#7).

On a terminal the line is redrawn in place; elsewhere (logs, CI) a plain
line is written every few seconds so the log stays readable.
"""

import time

PLAIN_EVERY = 5.0
REDRAW_EVERY = 0.2


class Progress:
    def __init__(self, stream, label: str, total: int | None = None, clock=None):
        self.stream = stream
        self.label = label
        self.total = total
        self.clock = clock or time.monotonic
        self.done = 0
        self.started = self.clock()
        self.shown = 0.0
        self.tty = bool(getattr(stream, "isatty", lambda: False)())

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.shown >= (REDRAW_EVERY if self.tty else PLAIN_EVERY):
            self.shown = now
            self._write(self.line(now))

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or self.clock()) - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.label}: {self.done}"
        if self.total:
            share = min(self.done / self.total, 1)
            bar = "#" * int(share * 20)
            text = f"{self.label} [{bar:<20}] {self.done}/{self.total}"
        text += f"  {rate:,.0f}/s"
        if self.total and rate > 0:
            left = max(self.total - self.done, 0) / rate
            text += f"  ETA {int(left // 60)}:{int(left % 60):02d}"
        return text

    def finish(self) -> None:
        self._write(self.line())
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def _write(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
