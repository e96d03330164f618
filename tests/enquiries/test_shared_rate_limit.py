"""
The enquiry rate limit holds across app processes, as it must across the
workers and servers of a real site: two gunicorn processes share one Redis
cache, and a client's sixth enquiry in ten minutes is refused whichever one
takes it.
"""

import os
import re
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack, contextmanager

import pytest
import redis
import requests

from django.conf import settings

from enquiries.models import Enquiry
from tests.enquiries.factories import started_seconds_ago, valid_form_data
from tests.ports import free_port_below_ephemeral_range

REDIS = "redis://127.0.0.1:6379/15"


@contextmanager
def app_server(prefix):
    """A gunicorn process serving the site against the test database and the shared cache."""
    port = free_port_below_ephemeral_range()
    database = settings.DATABASES["default"]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "CACHE_URL": REDIS,
        "CACHE_KEY_PREFIX": prefix,
        "ENQUIRIES_RATE_LIMIT": "5/600",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clinic.wsgi:application",
            "--no-control-socket",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(url + "/healthz", timeout=5).raise_for_status()
                break
            except requests.RequestException:
                # Not listening yet, or a worker still loading the site on a busy machine.
                assert time.monotonic() < deadline, "the app server did not start within a minute"
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def send(url, session):
    """Open the contact page (for its security token) and send a person's enquiry, as a browser does."""
    page = session.get(url + "/contact/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    data = valid_form_data(
        csrfmiddlewaretoken=token, started=started_seconds_ago(60), token=str(uuid.uuid4())
    )
    return session.post(url + "/enquiries/send/", data=data, allow_redirects=False, timeout=10)


@pytest.fixture
def cache_prefix():
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    yield prefix
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_the_limit_counts_every_process_sending_for_one_client(demo_site_live, cache_prefix):
    with ExitStack() as stack:
        first, second = (stack.enter_context(app_server(cache_prefix)) for _ in range(2))
        session = requests.Session()

        statuses = [send(url, session).status_code for url in (first, second, first, second, first, second)]

    assert statuses == [302, 302, 302, 302, 302, 429]
    assert Enquiry.objects.count() == 5
