"""
Who a request came from, behind the reverse proxies we run: one rule for the
enquiry rate limit and the staff sign-in lockout.

The client is the connection's address or, when ``ENQUIRIES_CLIENT_IP_HEADER``
names the header our proxies fill (e.g. HTTP_X_FORWARDED_FOR), the address our
outermost proxy saw: the Nth entry from the right, N being
``ENQUIRIES_TRUSTED_PROXY_COUNT``. Entries further left were written by the
client and can be forged, so a made-up header cannot reset a count.
"""

from django.conf import settings


def client_address(request):
    header = settings.ENQUIRIES_CLIENT_IP_HEADER
    if header:
        hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
        if len(hops) >= settings.ENQUIRIES_TRUSTED_PROXY_COUNT:
            return hops[-settings.ENQUIRIES_TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")
