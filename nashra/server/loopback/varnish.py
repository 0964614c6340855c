"""Varnish with docs/varnish.vcl in front of a backend, on loopback (#16).

varnishd runs in the foreground from a work folder on a free port, without
privilege separation (``-j none``: it may run as root or not). Only the
sample's backend address is replaced.
"""

import contextlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import Unavailable, free_port, stop, wait_for_port

SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "varnish.vcl"
VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
)
VARNISHSTAT = shutil.which("varnishstat") or "/usr/bin/varnishstat"


def configured(backend_host, backend_port):
    text = SAMPLE.read_text()
    for old, new in (
        ('.host = "127.0.0.1";', f'.host = "{backend_host}";'),
        ('.port = "8000";', f'.port = "{backend_port}";'),
    ):
        if old not in text:
            raise ValueError(f"the sample lost its {old!r} line")
        text = text.replace(old, new)
    return text


def start(backend_url, folder, listen=None):
    """varnishd with the sample in front of ``backend_url``, its work files
    in ``folder``; returns (process, Varnish's URL, work folder)."""
    if VARNISHD is None:
        raise Unavailable("varnish is not installed (apt-get install varnish)")
    host, _, port = backend_url.removeprefix("http://").partition(":")
    vcl = folder / "nashra.vcl"
    vcl.write_text(configured(host, port.rstrip("/")))
    listen = listen or free_port()
    process = subprocess.Popen(
        [
            VARNISHD, "-F", "-j", "none", "-n", str(folder / "work"),
            "-a", f"127.0.0.1:{listen}", "-f", str(vcl), "-s", "malloc,64m",
            "-T", "none", "-p", "ban_lurker_sleep=0.01",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    wait_for_port(listen, process, what="varnishd")
    return process, f"http://127.0.0.1:{listen}", folder / "work"


@contextlib.contextmanager
def varnish_in_front_of(backend_url):
    """Yields (Varnish's URL, its work folder for varnishstat -n)."""
    folder = Path(tempfile.mkdtemp(prefix="nashra-varnish-"))
    process = None
    try:
        process, url, work = start(backend_url, folder)
        yield url, work
    finally:
        if process is not None:
            stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def backend_requests(work):
    """How many requests Varnish has sent its backend so far."""
    out = subprocess.run(
        [VARNISHSTAT, "-n", str(work), "-1", "-f", "MAIN.backend_req"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.split()[1])
