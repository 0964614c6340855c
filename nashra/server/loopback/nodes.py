"""`nashra serve --production` nodes on loopback (#16).

A node is the production server as an operator runs it, in a process group
of its own (so SIGKILL takes its workers too), from its own NASHRA_VAR_DIR.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NASHRA = [sys.executable, "-m", "nashra.cli"]
# What a node must never inherit from the shell or the test run.
NOT_INHERITED = (
    "DATABASE_URL",
    "DATABASE_REPLICA_URLS",
    "REDIS_URL",
    "NASHRA_TEST",
    "DEBUG",
)


def environment(**values):
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update({key: str(value) for key, value in values.items()})
    return env


def nashra(env, *args, timeout=300):
    """Run one `nashra` command to the end; returns its standard output."""
    done = subprocess.run(
        [*NASHRA, *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=timeout,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"nashra {' '.join(args)} failed: {done.stderr[-2000:]}")
    return done.stdout


def answers(url):
    try:
        urllib.request.urlopen(url, timeout=2).read()  # noqa: S310  (loopback)
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


def spawn(env, port, log=subprocess.DEVNULL):
    """A node starting on 127.0.0.1:``port``; the process has .url."""
    process = subprocess.Popen(
        [*NASHRA, "serve", "--production", "--no-setup", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    process.url = f"http://127.0.0.1:{port}"
    return process


def wait_until_up(process, seconds=120):
    deadline = time.monotonic() + seconds
    while not answers(f"{process.url}/robots.txt"):
        if process.poll() is not None:
            raise RuntimeError("the node exited while starting")
        if time.monotonic() > deadline:
            kill(process)
            raise RuntimeError("the node never answered")
        time.sleep(0.2)
    return process


def start(env, port, log=subprocess.DEVNULL, seconds=120):
    """A node on 127.0.0.1:``port``, once it answers; the process has .url."""
    return wait_until_up(spawn(env, port, log), seconds)


def kill(process, sig=signal.SIGKILL):
    """``sig`` to the node's whole process group, and wait for the master."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
    process.wait()
