"""A redis-server of the test's own, on a free loopback port (#17).

Tests that kill or freeze Redis must never touch the one the suite (or a
developer) shares: each gets its own process, no persistence, stopped by
the test.
"""

import os
import shutil
import signal
import subprocess
import tempfile
import time

import redis
from django.test import override_settings

from nashra.core import shared, versions
from nashra.core.cache import breaker
from nashra.pagecache import entries
from nashra.server.loopback import free_port

EXECUTABLE = shutil.which("redis-server")
AVAILABLE = EXECUTABLE is not None


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="nashra-redis-")
        self.process = subprocess.Popen(
            [EXECUTABLE, "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", self.dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.url = f"redis://127.0.0.1:{self.port}/0"
        probe = redis.Redis(port=self.port, socket_timeout=0.5)
        deadline = time.monotonic() + 10
        while True:
            try:
                probe.ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        probe.close()

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self):
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def forget_clients():
    """Every per-process Redis client, store and breaker state, made afresh."""
    shared.reset()
    versions.reset_store()
    entries.reset()
    breaker.reset()


def use_redis(test, server, **more_settings):
    """Point ``test`` (a TestCase, in setUp) at ``server`` until it ends."""
    test.addCleanup(forget_clients)
    caches = {
        "default": {
            "BACKEND": "nashra.core.cache.SharedClientRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "nashra-redis-test",
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
        }
    }
    test.enterContext(
        override_settings(
            REDIS_URL=server.url, REDIS_TIMEOUT=0.3, CACHES=caches, **more_settings
        )
    )
    forget_clients()
