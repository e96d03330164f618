"""
The site served by gunicorn in a process of its own, against the test database,
for what Django's test client cannot show: app processes sharing one cache, a
real nginx in front. And a person's enquiry sent to it over HTTP, as a browser
sends it.
"""

import os
import re
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager

import requests

from django.conf import settings

from tests.enquiries.factories import started_seconds_ago, valid_form_data
from tests.ports import free_port_below_ephemeral_range


@contextmanager
def app_server(port=None, **environment):
    """
    gunicorn serving the site on ``port`` (a free one if not given) until the block
    ends; yields its address. The test settings unless ``environment`` (added to
    this process's own) says otherwise.
    """
    port = port or free_port_below_ephemeral_range()
    database = settings.DATABASES["default"]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        **environment,
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
            assert server.poll() is None, (
                f"the app server stopped as it started (exit status {server.returncode})"
            )
            try:
                # Any answer but an error will do: with production settings it is the HTTPS redirect.
                if requests.get(url + "/healthz", allow_redirects=False, timeout=5).status_code < 500:
                    break
            except requests.RequestException:
                pass  # not listening yet, or a worker still loading the site on a busy machine
            assert time.monotonic() < deadline, "the app server did not start within a minute"
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def security_token(session, page_url):
    """The CSRF token of the form on a page (the session keeps the cookie that goes with it)."""
    page = session.get(page_url, timeout=10).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


def send_enquiry(url, session, **headers):
    """
    Open the contact page (for its security token) and send a person's enquiry, as
    a browser does: with the page's origin, and any other request ``headers``.
    """
    token = security_token(session, url + "/contact/")
    data = valid_form_data(
        csrfmiddlewaretoken=token, started=started_seconds_ago(60), token=str(uuid.uuid4())
    )
    return session.post(
        url + "/enquiries/send/",
        data=data,
        headers={"Origin": url, **headers},
        allow_redirects=False,
        timeout=10,
    )
