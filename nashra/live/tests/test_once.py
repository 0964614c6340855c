"""Without Redis the tail is rendered once per update by all the workers of
`serve --production`, not once by each (#15)."""

import multiprocessing
import os
import tempfile

import pytest
from django.core.cache import cache
from django.test import Client, TestCase, override_settings

from nashra.core import versions
from nashra.live import once
from nashra.live.factories import post_text
from nashra.live.tests.base import LiveDesk
from nashra.pagecache import entries

LOCK = {"lock_seconds": 5, "keep_seconds": 60}


def another_worker():
    """What a second gunicorn worker has of its own: its Django cache and
    its copy of the page cache. The version file and its folder are shared."""
    cache.clear()
    entries.reset()


class FileTailTests(LiveDesk, TestCase):
    def setUp(self):
        super().setUp()
        self.var = self.enterContext(tempfile.TemporaryDirectory())
        self.enterContext(
            # The embedded default's path, also in CI's pass with Redis.
            override_settings(
                PAGE_CACHE_VERSIONS_FILE=f"{self.var}/versions.sqlite3", REDIS_URL=""
            )
        )
        versions.reset_store()
        self.addCleanup(versions.reset_store)
        self.addCleanup(another_worker)

    def test_a_second_worker_serves_the_first_one_s_render(self):
        url = f"/live/{self.live.pk}/tail/"
        first = Client().get(url)
        self.assertEqual(first["X-Live-Render"], "1")
        another_worker()
        second = Client().get(url)
        self.assertEqual(second["X-Live-Render"], "0")
        self.assertEqual(second.content, first.content)
        post_text(self.live, "تحديث بعد الانتخابات")
        another_worker()
        self.assertEqual(Client().get(url)["X-Live-Render"], "1")
        another_worker()
        fresh = Client().get(url)
        self.assertEqual(fresh["X-Live-Render"], "0")
        self.assertIn("تحديث بعد الانتخابات", fresh.content.decode())

    def test_superseded_tails_are_deleted(self):
        url = f"/live/{self.live.pk}/tail/"
        Client().get(url)
        folder = os.path.join(self.var, "live")
        (old,) = os.listdir(folder)
        os.utime(os.path.join(folder, old), (0, 0))
        post_text(self.live, "تحديث")
        Client().get(url)
        (new,) = os.listdir(folder)
        self.assertNotEqual(new, old)


def _racer(folder, barrier, counter):
    store = once.FileBodies(folder)

    def build():
        with open(counter, "a") as handle:
            handle.write("built\n")
        return "جسم الذيل"

    barrier.wait()
    body, _built = once.built_once(
        "live-tail-1-1.1", "live-tail-1-", build, store=store, **LOCK
    )
    assert body == "جسم الذيل"


@pytest.mark.same_on_every_database
def test_processes_racing_for_one_version_build_it_once(tmp_path):
    """Six processes miss together, as gunicorn workers do right after an
    update: one builds, the others read its file."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(6)
    counter = tmp_path / "builds"
    racers = [
        context.Process(target=_racer, args=(tmp_path / "live", barrier, counter))
        for _ in range(6)
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(30)
    assert [racer.exitcode for racer in racers] == [0] * 6
    assert counter.read_text() == "built\n"


def test_a_lock_left_by_a_killed_worker_is_taken_over(tmp_path):
    store = once.FileBodies(tmp_path)
    assert store.claim("live-tail-1-1.1", 5)
    assert not store.claim("live-tail-1-1.1", 5)
    os.utime(tmp_path / "live-tail-1-1.1.lock", (0, 0))
    assert store.claim("live-tail-1-1.1", 5)
