"""Each process's copy of cached responses, in front of Redis (#8)."""

import time
from unittest import mock, skipUnless

from django.conf import settings
from django.core.cache import caches
from django.test import SimpleTestCase, TestCase

from nashra.core import groups
from nashra.core.invalidate import bump_now
from nashra.pagecache import entries
from nashra.pagecache.middleware import cache_key
from nashra.pagecache.responses import Entry
from nashra.pagecache.tests.helpers import fresh_paper, reader


def sample(size):
    return Entry(200, [], b"x" * size, None, '"e"', time.time())


class LocalEntriesTests(SimpleTestCase):
    def test_memory_is_bounded_and_the_least_recent_goes_first(self):
        """A crawler walking the archive must not grow a worker without end."""
        one = entries.entry_size(sample(10_000))
        copy = entries.LocalEntries(max_bytes=3 * one)
        later = time.time() + 60
        for name in "abc":
            copy.set(name, sample(10_000), later)
        assert copy.get("a") is not None  # "b" is now the least recent
        copy.set("d", sample(10_000), later)
        assert copy.get("b") is None
        assert all(copy.get(name) for name in "acd")
        assert copy.size <= copy.max_bytes

    def test_expired_entries_are_not_returned(self):
        copy = entries.LocalEntries(max_bytes=1_000_000)
        copy.set("a", sample(10), time.time() - 1)
        assert copy.get("a") is None
        assert copy.size == 0

    def test_an_entry_larger_than_the_bound_is_not_kept(self):
        copy = entries.LocalEntries(max_bytes=1_000)
        copy.set("a", sample(5_000), time.time() + 60)
        assert copy.get("a") is None


class ProcessCopyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.article = cls.paper["articles"][0]

    def setUp(self):
        entries.reset()

    def key(self, response):
        return cache_key(response.wsgi_request)

    def test_a_flushed_cache_drops_the_copies_of_every_process(self):
        """After a Redis flush every version reads 0 again, which an old copy
        may have recorded: the store's generation tells them apart."""
        client = reader()
        client.get(self.article.url)
        assert client.get(self.article.url)["X-Cache"] == "HIT"
        caches["default"].clear()
        assert client.get(self.article.url)["X-Cache"] == "MISS"

    @skipUnless(settings.REDIS_URL, "entries are shared between processes in Redis")
    def test_a_hit_on_the_copy_reads_no_entry_from_redis(self):
        """Only the versions cross the network on a hit."""
        client = reader()
        client.get(self.article.url)
        with mock.patch.object(entries.shared, "get", side_effect=AssertionError):
            assert client.get(self.article.url)["X-Cache"] == "HIT"

    @skipUnless(settings.REDIS_URL, "entries are shared between processes in Redis")
    def test_a_stale_copy_gives_way_to_the_rendering_of_another_process(self):
        """One process renders again after an edit; the others take its
        result from Redis instead of rendering it once each."""
        client = reader()
        key = self.key(client.get(self.article.url))
        stale = entries.local().get(key)
        bump_now({groups.page(self.article.pk)})
        entries.reset()  # another process, with an empty copy, renders
        assert client.get(self.article.url)["X-Cache"] == "MISS"
        entries.local().set(key, stale, stale.expires)  # back to this one
        assert client.get(self.article.url)["X-Cache"] == "HIT"
        fresh = entries.local().get(key)
        assert fresh.versions != stale.versions
