import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def no_earlier_submissions():
    """Start each test with an empty rate-limit count, whatever ran before it."""
    cache.clear()
