"""
What every page asks the database for, kept in the shared cache.

Rendering a page that is not in the page cache still begins the same way on
every request: which site this is, where the URL leads and whether a view
restriction covers it, the clinic's details, the menu. Each is the same for
every visitor until something is published or changed, which is exactly when
the page cache starts a new generation (see ``store``), so each is kept under
that generation and forgotten with it, on every server at once.

A request reads the generation once, the first time it needs it, and keeps it:
everything it takes from here belongs to one state of the site. What it builds
is stored under the generation it read, so anything built while a change was
committing is never used after it.

What one address took is kept again as one entry for that address, so the
next request for it takes all of it in one round trip, not one for each thing
(a treatment page rendered afresh went from 48.7 to 29.8 million instructions
with it: redis-py spends far longer in Python than Redis takes to answer).
Only after a public page any visitor may see: an address that led nowhere
keeps nothing.

Nothing is kept for ``None``: a miss (an address nobody published) is cheap to
repeat, and addresses anyone can invent must not fill the cache.

``SITE_DATA_CACHE_ENABLED`` turns it off (the tests' default, where changes are
often never committed); a cache that cannot be reached means building afresh.
"""

import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost

from wagtail.models import Site

from pagecache import store
from pagecache.middleware import CACHE_FAILURES

logger = logging.getLogger(__name__)


def remember(request, name, build):
    """``build()``, or what it returned for an earlier request in the same generation."""
    if request is None or not settings.SITE_DATA_CACHE_ENABLED:
        return build()
    try:
        taken = taken_for(request)
    except CACHE_FAILURES as error:
        logger.warning("Shared cache unavailable (%s); site data read afresh.", type(error).__name__)
        return build()
    if name in taken:
        return taken[name]
    generation = request.page_cache_generation
    key = f"pagecache:data:{store.release()}:{name}"
    try:
        kept = store.cache().get(key)
    except CACHE_FAILURES as error:
        logger.warning("Shared cache unavailable (%s); site data read afresh.", type(error).__name__)
        return build()
    if kept is not None and kept[0] == generation:
        value = kept[1]
    else:
        value = build()
        if value is None:
            return value
        try:
            store.cache().set(key, (generation, value), timeout=settings.PAGE_CACHE_TIMEOUT)
        except CACHE_FAILURES as error:
            logger.warning("Shared cache unavailable (%s); site data not kept.", type(error).__name__)
    taken[name] = value
    request.shared_data_added = True
    return value


# Everything one address took from here, kept together too, so that rendering
# it again takes one round trip to the cache rather than one for each thing
# (the site, the route, the clinic's details, the menu, what the page lists).


def taken_key(request):
    try:
        return f"pagecache:data:{store.release()}:taken:{store.address_digest(request)}"
    except DisallowedHost:
        return None  # an error page for a host nobody may use: nothing kept for it


def taken_for(request):
    """
    What this request has taken so far (``{name: value}``): at first, what the
    last request for this address took in the current generation, if any.
    """
    if not hasattr(request, "shared_data_taken"):
        key = taken_key(request)
        if hasattr(request, "page_cache_generation"):  # the page cache looked it up
            generation, kept = request.page_cache_generation, key and store.cache().get(key)
        else:
            generation, kept = store.generation_and(key or store.GENERATION_KEY)
            kept = kept if key else None
            request.page_cache_generation = generation
        request.shared_data_taken = kept[1] if kept is not None and kept[0] == generation else {}
    return request.shared_data_taken


def keep_what_was_taken(request, response):
    """
    After a public page any visitor may see: what it took, for the next
    request to the same address. Never for an address that led nowhere (anyone
    can invent those) or an editor's preview.
    """
    if not (
        getattr(request, "shared_data_added", False)
        and response.status_code == 200
        and getattr(response, "page_cache_allowed", False)
        and not getattr(request, "is_preview", False)
        and taken_key(request)
    ):
        return
    try:
        store.cache().set(
            taken_key(request),
            (request.page_cache_generation, request.shared_data_taken),
            timeout=settings.PAGE_CACHE_TIMEOUT,
        )
    except CACHE_FAILURES as error:
        logger.warning("Shared cache unavailable (%s); site data not kept.", type(error).__name__)


def site_setting(request, model):
    """
    Wagtail's ``model.for_request(request)`` for a site setting (the clinic's
    details, the enquiry settings), kept here: every site setting's change
    starts a new generation (``signal_handlers``).
    """
    attr_name = model.get_cache_attr_name()
    if not hasattr(request, attr_name):
        site = Site.find_for_request(request)
        if site is None:
            return model.for_site(site)  # raises DoesNotExist, as Wagtail's for_request does
        name = f"setting:{model._meta.label_lower}:{site.pk}"
        value = remember(request, name, lambda: model.for_site(site))
        value._request = request  # as Wagtail's for_request: page links through the request
        setattr(request, attr_name, value)
    return getattr(request, attr_name)


def find_site(request):
    """
    The request's site, with its root page as its own page type (routing starts
    there), and every site's root paths (what page URLs are made from).
    """
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
        site.kept_root_paths = Site.get_site_root_paths()
    return site


class SiteLookupMiddleware:
    """
    Which Wagtail site a request is for, from the shared cache: Wagtail's
    ``Site.find_for_request`` keeps its answer on the request, so everything
    after this (routing, settings, the menu) uses the one found here. Its root
    page comes as its specific type, which Wagtail's routing would otherwise
    ask the database for on every request, and with the site root paths, which
    every page URL made through the request would otherwise ask the cache for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SITE_DATA_CACHE_ENABLED:
            try:
                host = request.get_host()
            except DisallowedHost:
                pass  # CommonMiddleware answers 400
            else:
                site = remember(request, f"site:{host}:{request.get_port()}", lambda: find_site(request))
                if site is not None:
                    request._wagtail_site = site
                    # Where Wagtail keeps them for a request's page URLs (``cache_object``).
                    request._wagtail_cached_site_root_paths = site.kept_root_paths
        response = self.get_response(request)
        if settings.SITE_DATA_CACHE_ENABLED:
            keep_what_was_taken(request, response)
        return response
