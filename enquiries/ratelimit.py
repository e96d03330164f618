"""
A per-client limit on enquiries, kept in Django's cache and never in the database.

The client is the connection's address, or, behind reverse proxies we run, the
address our outermost proxy saw: the Nth entry from the right of the configured
header. Entries further left were written by the client and can be forged, so a
spoofed X-Forwarded-For cannot reset the count. Addresses are hashed before they
become cache keys.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def parse_rate(rate):
    """``"5/600"`` → ``(5, 600)``: so many submissions per so many seconds."""
    count, seconds = rate.split("/")
    return int(count), int(seconds)


def rate_limit_window():
    """How many seconds a client over the limit waits before its count starts again."""
    return parse_rate(settings.ENQUIRIES_RATE_LIMIT)[1]


def client_address(request):
    header = settings.ENQUIRIES_CLIENT_IP_HEADER
    if header:
        hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
        if len(hops) >= settings.ENQUIRIES_TRUSTED_PROXY_COUNT:
            return hops[-settings.ENQUIRIES_TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def cache_key(request):
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256)
    return f"enquiries:rate:{digest.hexdigest()[:32]}"


def allow_submission(request):
    """Count this submission; False once the client is over the limit for the current window."""
    limit, window = parse_rate(settings.ENQUIRIES_RATE_LIMIT)
    key = cache_key(request)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
