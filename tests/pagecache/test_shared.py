"""
The page cache across servers: two gunicorn processes share one Redis, so a page
one of them rendered is served by the other, and a publish forgets it for both.
And a CDN in front (Wagtail's frontend cache, here its HTTP backend, as for
Varnish) is told to forget every page, and the address of a page that went.
"""

import threading
import uuid
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import redis
import requests

from pages.models import TreatmentPage
from tests.app_servers import app_server
from tests.redis_databases import redis_url

REDIS = redis_url(2)


@pytest.fixture
def shared_cache(settings):
    """This process and the app servers on one Redis, under a prefix of the test's own."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": prefix,
        }
    }
    yield {"CACHE_URL": REDIS, "CACHE_KEY_PREFIX": prefix, "PAGE_CACHE_ENABLED": "true"}
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_a_publish_on_one_server_reaches_every_server(demo_site_live, shared_cache):
    with ExitStack() as stack:
        first, second = (stack.enter_context(app_server(**shared_cache)) for _ in range(2))
        page_url = "/treatments/osteopathy/"
        # The site's one public name, whichever server the balancer chose.
        public = {"Host": "localhost"}

        rendered = requests.get(first + page_url, headers=public, timeout=10)
        from_the_cache = requests.get(second + page_url, headers=public, timeout=10)
        page = TreatmentPage.objects.get(slug="osteopathy")
        page.title = "Osteopathy, published on one server"
        page.save_revision().publish()  # committed: this test's database is shared
        afterwards = [
            requests.get(server + page_url, headers=public, timeout=10) for server in (second, first)
        ]

    assert rendered.headers["X-Cache"] == "MISS"
    assert from_the_cache.headers["X-Cache"] == "HIT"
    assert from_the_cache.content == rendered.content
    for response in afterwards:
        assert "Osteopathy, published on one server" in response.text


class PurgeRecorder(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint: notes each PURGE it is sent."""

    purged: list

    def do_PURGE(self):
        self.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def caching_proxy(settings):
    purged = []
    handler = type("Recorder", (PurgeRecorder,), {"purged": purged})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    yield purged
    server.shutdown()


def test_a_cdn_in_front_is_told_to_forget_every_page_and_the_one_that_went(
    demo_site, caching_proxy, django_capture_on_commit_callbacks
):
    page = TreatmentPage.objects.get(slug="osteopathy")

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    paths = {address.split("/", 1)[1] for address in caching_proxy}
    assert "treatments/osteopathy/" in paths  # gone, and still forgotten
    assert {"", "treatments/", "contact/", "about/"} <= paths
    assert len(caching_proxy) == len(set(caching_proxy))  # each address once
