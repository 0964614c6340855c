"""Real servers on loopback, for the tests, the benchmarks and scripts/cluster (#16).

Each runner starts the standard engine (SeaweedFS, Varnish, a PostgreSQL
primary and replica, nginx with docs/nginx.conf, `nashra serve
--production` nodes) from a temporary folder on free ports. A missing
program raises `Unavailable`; the test suite's conftest turns that into a
skip (a failure under CI, which installs them all), a script into an exit.
"""

import socket
import time


class Unavailable(RuntimeError):
    """A program a runner needs is not installed here."""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def is_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count, twin_offset=0):
    """``count`` different free ports; with ``twin_offset``, port + offset is
    free too (SeaweedFS listens for gRPC there)."""
    chosen = []
    while len(chosen) < count:
        port = free_port()
        if port in chosen or port + twin_offset >= 65536:
            continue
        if not twin_offset or is_free(port + twin_offset):
            chosen.append(port)
    return chosen


def wait_for_port(port, process=None, seconds=30, what="the server"):
    """Until something listens on ``port``; raises if ``process`` exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            error = process.stderr.read().decode()[-2000:] if process.stderr else ""
            raise RuntimeError(f"{what} exited while starting: {error}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not start listening on {port}")


def stop(process, seconds=5):
    """SIGTERM, then SIGKILL after ``seconds``; waits for the exit."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=seconds)
        except Exception:  # noqa: BLE001  (subprocess.TimeoutExpired)
            process.kill()
            process.wait()
