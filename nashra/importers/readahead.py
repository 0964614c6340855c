"""The export read, and its posts converted, in a second process (#21).

An import is one Python process; of its CPU, reading the export (expat,
element building, records) and converting each post's HTML to blocks are a
fifth, and need nothing but the file. A child process does both while the
importer writes: on a machine with two cores they overlap the importer's
own work instead of adding to it. The child is plain Python (no Django, no
database): `python -m nashra.importers.readahead`, records and conversions
sent back pickled through a pipe. The importer keeps a few batches' worth
of frames (_Drain), so the child waits when it is further ahead and memory
stays flat.

The child is ours and reads nothing but the file; the pickles it sends are
trusted as the importer's own objects. If it cannot start, or stops before
the end (killed, out of memory), the importer reads on by itself from the
record after the last it received: the import does not depend on it.
"""

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from .convert import Conversion, convert_content
from .wxr import Item, WXRError, read_export

# Records per frame: fewer pickle calls without holding much in the pipe.
FRAME = 25
CONVERTED = ("post", "page")
# Each frame's length, before it on the pipe.
HEAD = struct.Struct("!Q")
# The folder nashra is imported from, for the child to import the same code.
SOURCE_ROOT = str(Path(__file__).resolve().parents[2])


def read_ahead(path, *, brief=False, max_post_bytes, site_url=None
               ) -> Iterator[tuple[object, Conversion | None]]:  # fmt: skip
    """Yield (record, conversion) as read_export(path) yields records; the
    conversion is convert_content(item.content, site_url) for posts and
    pages when site_url is given, None otherwise (or when it failed: the
    importer converts again and meets the error where it always did)."""
    command = [sys.executable, "-m", __name__, str(path), str(max_post_bytes),
               "brief" if brief else "whole", site_url or ""]  # fmt: skip
    received = 0
    try:
        child = subprocess.Popen(  # noqa: S603  (our module, our arguments)
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            env=_child_env(), cwd=SOURCE_ROOT,
        )  # fmt: skip
    except OSError:
        child = None
    if child is not None:
        frames = _Drain(child.stdout)
        try:
            while (frame := frames.next()) is not None:
                if frame[0] == "end":
                    return
                if frame[0] == "error":
                    raise WXRError(frame[1], line=frame[2])
                for pair in frame[1]:
                    received += 1
                    yield pair
        finally:
            if child.poll() is None:
                child.kill()
            frames.stop()
            child.stdout.close()
            child.wait()
    for n, record in enumerate(read_export(path, brief=brief,
                                           max_post_bytes=max_post_bytes)):  # fmt: skip
        if n >= received:
            yield record, None


class _Drain:
    """The child's frames, read off the pipe by a thread as they come.

    A pipe holds 64 KiB, a few posts: the child would stop there while the
    importer writes a batch, then the importer would wait for it to read
    the next hundred, and the two would take turns rather than overlap.
    The thread keeps up to BACKLOG frames (a few batches) instead; it
    waits on the pipe, not on the interpreter, so it costs the importer
    next to nothing.
    """

    BACKLOG = 16

    def __init__(self, pipe):
        self.pipe = pipe
        self.frames: queue.Queue = queue.Queue(self.BACKLOG)
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            while head := self.pipe.read(HEAD.size):
                body = self.pipe.read(HEAD.unpack(head)[0])
                self.frames.put(body)
        except (OSError, ValueError, struct.error):
            pass  # closed: the importer is done with it, or the child died
        self.frames.put(None)

    def stop(self) -> None:
        """Once the child is gone: let the thread read to the pipe's end,
        dropping what it queues, until it ends."""
        while self.thread.is_alive():
            try:
                self.frames.get(timeout=0.1)
            except queue.Empty:
                pass

    def next(self):
        """The next frame, or None when the child stopped without "end"."""
        body = self.frames.get()
        if not body:
            return None
        try:
            return pickle.loads(body)  # noqa: S301  (our child's)
        except (pickle.UnpicklingError, EOFError):
            return None


def _child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        part for part in (SOURCE_ROOT, env.get("PYTHONPATH", "")) if part
    )
    return env


def _convert(record, site_url: str) -> Conversion | None:
    if not site_url or not isinstance(record, Item):
        return None
    if record.post_type not in CONVERTED:
        return None
    try:
        return convert_content(record.content, site_url=site_url)
    except Exception:  # noqa: BLE001  (the importer converts it again, and reports)
        return None


def _send(out, frame) -> None:
    body = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(HEAD.pack(len(body)))
    out.write(body)


def main(argv: list[str]) -> int:
    path, max_post_bytes, mode, site_url = argv
    out = sys.stdout.buffer
    frame = []
    try:
        records = read_export(path, brief=mode == "brief",
                              max_post_bytes=int(max_post_bytes))  # fmt: skip
        for record in records:
            frame.append((record, _convert(record, site_url)))
            if len(frame) >= FRAME:
                _send(out, ("records", frame))
                frame = []
        last = ("end",)
    except WXRError as error:
        last = ("error", error.reason, error.line)
    except BrokenPipeError:
        return _stopped()
    try:
        _send(out, ("records", frame))
        _send(out, last)
        out.flush()
    except BrokenPipeError:
        return _stopped()
    return 0


def _stopped() -> int:
    """The importer stopped reading (it failed, or was stopped): end
    quietly, without the interpreter's flush failing on the closed pipe."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
