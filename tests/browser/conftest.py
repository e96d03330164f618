"""
Browser tests: Playwright drives Debian's Chromium against Django's live server.

Every test here is marked ``browser`` (deselect with ``-m "not browser"``) and
starts from the demo site, put back from the session's snapshot.
"""

import os
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.db import connection

from tests.ports import free_port_below_ephemeral_range

# Playwright's sync API runs an event loop in the test thread, and Django refuses
# database access from a thread with a running loop unless told otherwise.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


# pytest-django's live server otherwise asks the kernel for any free port.
# --liveserver or a DJANGO_LIVE_TEST_SERVER_ADDRESS set by the caller still wins.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", f"localhost:{free_port_below_ephemeral_range()}")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # needed as root, as in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    browser_dir = Path(__file__).parent
    for item in items:
        if browser_dir in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium rather than a browser downloaded by `playwright install`."""
    headless = browser_type_launch_args.get("headless", True)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*(["--headless"] if headless else []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Playwright resolves relative addresses against the live server: ``page.goto("/")``."""
    return live_server.url


@pytest.fixture(autouse=True)
def live_demo_site(live_server, demo_site_live):
    """Serve the demo site live, put back after the flush that ended the previous test."""
    return demo_site_live


@pytest.fixture(autouse=True)
def browser_settled_before_the_flush(live_demo_site, page):
    """
    Leave the page, and wait for the requests it set off to finish before the
    database is emptied for the next test. An admin page sends some as it goes
    (Wagtail's editing session releases itself); one still in a transaction when
    the flush starts deadlocks with it.
    """
    yield
    in_admin = "/admin/" in page.url
    page.goto("about:blank")
    if in_admin:
        time.sleep(0.2)  # for a request sent as the page went to reach the server
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _other_sessions_busy():
        time.sleep(0.05)


def _other_sessions_busy():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'"
        )
        return cursor.fetchone()[0] > 0


@pytest.fixture
def axe_check():
    """``axe_check(page)`` runs axe-core on the page as it is now and fails on any violation."""
    axe = Axe()

    def check(page, context=None):
        violations = axe.run(page, context=context).response["violations"]
        if violations:
            pytest.fail(_describe_violations(violations, page.url))

    return check


def _describe_violations(violations, url):
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        lines.extend(f"    - {' '.join(map(str, node['target']))}" for node in violation["nodes"])
    return "\n".join(lines)
