"""Django's Redis cache with one client object per connection pool (#8).

Django's RedisCacheClient builds a new redis.Redis around the pool for every
operation, and redis-py fills a table of some 170 response callbacks each
time: about half the CPU of a cache read, a few of which every uncached page
makes. A redis.Redis is safe to share between threads (each command borrows
a connection from the pool), and the pool itself notices a fork, so one
client per pool serves the whole process.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
