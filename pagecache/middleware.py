"""
Serving public pages from the page cache.

It sits after WhiteNoise and before the session middleware, so a page served
from the cache costs one round trip to the cache and nothing else: no session,
no user, no database. The middleware outside it (request id, security headers,
Content-Security-Policy) still runs for every response.

Only an anonymous visitor's GET of a live public page is kept: the page says so
(``BasePage.serve`` marks the response ``page_cache_allowed``), and the response
must set no cookie. A page with a form sets the CSRF cookie, so the contact page
is never shared between visitors, and neither is anything carrying a message.
A request carrying a cookie other than the CSRF cookie (a session: someone
signed in, a message waiting, a password given for a private page) always gets
a fresh page.
"""

import logging

from redis.exceptions import RedisError

from django.conf import settings
from django.db import DatabaseError
from django.utils.cache import get_conditional_response, patch_cache_control

from pagecache import store

logger = logging.getLogger(__name__)

# Added to links by mailings and adverts; they change nothing on the page.
TRACKING_PARAMETERS = {"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid"}
CACHE_FAILURES = (RedisError, DatabaseError, OSError)


def only_tracking_parameters(query):
    return all(name.startswith("utm_") or name in TRACKING_PARAMETERS for name in query)


def may_be_served_from_cache(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        and only_tracking_parameters(request.GET)
    )


def shareable(response):
    """A live public page for an anonymous visitor that sets no cookie: the same for everyone."""
    return (
        getattr(response, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_served_from_cache(request):
            return self.finish(request, self.get_response(request))
        try:
            generation, entry = store.lookup(request)
            request.page_cache_generation = generation  # for shared_data, on a miss
        except CACHE_FAILURES as error:
            logger.warning("Page cache unavailable (%s); serving the page fresh.", type(error).__name__)
            return self.finish(request, self.get_response(request))
        if entry is not None:
            response = store.response_from(entry, request)
            response["X-Cache"] = "HIT"
            return get_conditional_response(
                request, etag=entry["etag"], last_modified=None, response=response
            )
        response = self.finish(request, self.get_response(request))
        if shareable(response) and not request.GET:
            try:
                entry = store.store(request, response, generation)
            except CACHE_FAILURES as error:
                logger.warning("Page cache unavailable (%s); page not kept.", type(error).__name__)
                return response
            # Sent as it will be from the cache: compressed once, where it was kept.
            response = store.response_from(entry, request)
            response["X-Cache"] = "MISS"
            return get_conditional_response(
                request, etag=entry["etag"], last_modified=None, response=response
            )
        return response

    @staticmethod
    def finish(request, response):
        """Say who else may keep the response: shared caches only a page the same for everyone."""
        if getattr(response, "page_cache_allowed", False):
            if shareable(response):
                patch_cache_control(
                    response,
                    public=True,
                    max_age=settings.PAGE_CACHE_BROWSER_MAX_AGE,
                    s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
                )
            else:
                patch_cache_control(response, private=True)
        return response
