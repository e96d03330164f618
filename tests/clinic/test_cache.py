"""The shared Redis cache: Django's backend, with its clients built once."""

import pytest

from clinic.cache import SharedRedisCache


@pytest.fixture
def redis_cache():
    cache = SharedRedisCache("redis://127.0.0.1:6379/13", {"KEY_PREFIX": "test-shared-cache"})
    yield cache
    cache.clear()


def test_it_is_djangos_redis_cache(redis_cache):
    redis_cache.set("visits", 1)
    redis_cache.incr("visits")

    assert redis_cache.get("visits") == 2
    assert redis_cache.add("visits", 5) is False
    assert redis_cache.get_many(["visits", "missing"]) == {"visits": 2}


def test_each_pool_gets_one_client_for_every_call(redis_cache):
    client = redis_cache._cache

    assert client.get_client("a") is client.get_client("b")
    assert client.get_client(write=True) is client.get_client("c", write=True)
    assert client.get_client(write=True).connection_pool is client._get_connection_pool(write=True)
