"""
A per-client limit on enquiries, kept in the shared cache and never in the database.

The client is found by ``clinic.network.client_address`` (the same rule as the
staff sign-in lockout), and its address is hashed before it becomes a cache key.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from clinic.network import client_address


def parse_rate(rate):
    """``"5/600"`` → ``(5, 600)``: so many submissions per so many seconds."""
    count, seconds = rate.split("/")
    return int(count), int(seconds)


def rate_limit_window():
    """How many seconds a client over the limit waits before its count starts again."""
    return parse_rate(settings.ENQUIRIES_RATE_LIMIT)[1]


def cache_key(request):
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256)
    return f"enquiries:rate:{digest.hexdigest()[:32]}"


def allow_submission(request):
    """Count this submission; False once the client is over the limit for the current window."""
    limit, window = parse_rate(settings.ENQUIRIES_RATE_LIMIT)
    key = cache_key(request)
    if hasattr(cache, "count"):
        # The shared Redis cache (clinic.cache): the same count, in one round trip.
        return cache.count(key, window) <= limit
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
