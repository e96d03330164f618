"""
Redis databases for the tests that start servers sharing a real cache: one per
test module, and, when pytest-xdist runs the suite in several processes, one
set per process, so that no test's FLUSHDB or count reaches another's.
"""

import os

# Redis has databases 0 to 15; 0 is left for people running the site locally.
FIRST, PER_WORKER = 1, 5


def redis_url(slot):
    """``redis://`` for the module's own ``slot`` (0 to 4) in this test process's set."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    database = FIRST + int(worker or 0) * PER_WORKER + slot
    if not 0 <= slot < PER_WORKER or database > 15:
        raise RuntimeError(f"No Redis database for slot {slot} of test process {worker}.")
    return f"redis://127.0.0.1:6379/{database}"
