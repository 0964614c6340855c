"""A progress line for long rebuilds: counts, rate and time left (#5).

On a terminal the line redraws in place; anywhere else (CI logs, cron mail)
it prints a plain line every tenth of the way, so logs stay readable.
"""

import time


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02}:{seconds % 60:02}"


class ProgressBar:
    width = 30

    def __init__(self, total: int, stream, *, clock=time.monotonic):
        self.total = max(total, 0)
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.interactive = getattr(stream, "isatty", lambda: False)()
        self.next_report = 0.1
        self.last_done = -1

    def line(self, done: int) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = done / elapsed
        share = done / self.total if self.total else 1.0
        left = (self.total - done) / rate if rate else 0.0
        filled = int(self.width * share)
        bar = "#" * filled + "-" * (self.width - filled)
        return (
            f"[{bar}] {done:,}/{self.total:,} {share:4.0%} "
            f"{rate:,.0f} articles/s, {_duration(left)} left"
        )

    def update(self, done: int) -> None:
        if done == self.last_done:
            return
        self.last_done = done
        if self.interactive:
            self.stream.write("\r" + self.line(done))
            self.stream.flush()
        elif done >= self.total or done / max(self.total, 1) >= self.next_report:
            self.stream.write(self.line(done) + "\n")
            while self.next_report <= done / max(self.total, 1):
                self.next_report += 0.1

    def finish(self) -> None:
        if self.interactive:
            self.stream.write("\n")
