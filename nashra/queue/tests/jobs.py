"""Jobs the queue's tests enqueue; importable by a worker in another process."""

import os
import time
from pathlib import Path

from nashra.queue.background import background

calls = []


@background(label="test: flaky", attempts=3)
def flaky(fail_times):
    """Raises on its first `fail_times` runs in this process."""
    calls.append(fail_times)
    if len(calls) <= fail_times:
        raise ConnectionRefusedError(f"down ({len(calls)})")
    return len(calls)


@background(label="test: slow write", attempts=1)
def slow_write(folder):
    """Marks its start, waits for a `go` file, then writes `done`: a job a
    test can kill half-way."""
    folder = Path(folder)
    (folder / f"started-{os.getpid()}").write_text("")
    while not (folder / "go").exists():
        time.sleep(0.05)
    (folder / "done").write_text(str(os.getpid()))
    return os.getpid()
