"""The Redis cache backend keeps one client per connection pool (#8)."""

from django.test import SimpleTestCase

from nashra.core.cache import SharedClientRedisCache


class SharedClientTests(SimpleTestCase):
    def test_one_client_serves_every_operation(self):
        # No connection is opened: clients and pools connect on first command.
        backend = SharedClientRedisCache("redis://127.0.0.1:6379/15", {})
        first = backend._cache.get_client("a")
        self.assertIs(backend._cache.get_client("b", write=True), first)
        self.assertIs(first.connection_pool, backend._cache._get_connection_pool(False))

    def test_each_server_keeps_its_own_client(self):
        backend = SharedClientRedisCache(
            "redis://127.0.0.1:6379/14;redis://127.0.0.1:6379/15", {}
        )
        writer = backend._cache.get_client(write=True)
        reader = backend._cache.get_client()
        self.assertIsNot(writer, reader)
        self.assertIs(backend._cache.get_client(), reader)
