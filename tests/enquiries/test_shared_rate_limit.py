"""
The enquiry rate limit holds across app processes, as it must across the
workers and servers of a real site: two gunicorn processes share one Redis
cache, and a client's sixth enquiry in ten minutes is refused whichever one
takes it.
"""

import uuid
from contextlib import ExitStack

import pytest
import redis
import requests

from enquiries.models import Enquiry
from tests.app_servers import app_server, send_enquiry
from tests.redis_databases import redis_url

REDIS = redis_url(1)


@pytest.fixture
def cache_prefix():
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    yield prefix
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_the_limit_counts_every_process_sending_for_one_client(demo_site_live, cache_prefix):
    with ExitStack() as stack:
        first, second = (
            stack.enter_context(
                app_server(CACHE_URL=REDIS, CACHE_KEY_PREFIX=cache_prefix, ENQUIRIES_RATE_LIMIT="5/600")
            )
            for _ in range(2)
        )
        session = requests.Session()

        statuses = [
            send_enquiry(url, session).status_code for url in (first, second, first, second, first, second)
        ]

    assert statuses == [302, 302, 302, 302, 302, 429]
    assert Enquiry.objects.count() == 5
