"""The shared Redis cache: Django's backend, with its clients built once."""

import pytest

from clinic.cache import SharedRedisCache
from tests.redis_databases import redis_url


@pytest.fixture
def redis_cache():
    cache = SharedRedisCache(redis_url(3), {"KEY_PREFIX": "test-shared-cache"})
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


def test_a_count_starts_at_one_and_lasts_its_window_from_then(redis_cache):
    counts = [redis_cache.count("sent", timeout=60) for _ in range(3)]

    assert counts == [1, 2, 3]
    assert redis_cache.get("sent") == 3
    ttl = redis_cache._cache.get_client(write=True).ttl(redis_cache.make_key("sent"))
    assert 55 <= ttl <= 60  # set by the first count, not moved on by the others


def test_a_count_that_ran_out_starts_again_with_a_window(redis_cache):
    redis_cache.count("sent", timeout=60)
    redis_cache.delete("sent")  # as if its window had just ended

    assert redis_cache.count("sent", timeout=60) == 1
    assert redis_cache._cache.get_client(write=True).ttl(redis_cache.make_key("sent")) > 0
