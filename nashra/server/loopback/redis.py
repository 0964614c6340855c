"""A redis-server of one's own on a free loopback port, no persistence (#16)."""

import contextlib
import shutil
import subprocess
import tempfile

from . import Unavailable, free_port, stop, wait_for_port


@contextlib.contextmanager
def redis_server():
    """Yields the server's URL (database 0) for the block."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise Unavailable("redis-server is not installed")
    folder = tempfile.mkdtemp(prefix="nashra-redis-")
    port = free_port()
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", folder],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_for_port(port, process, what="redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)
