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
    key = f"pagecache:data:{store.release()}:{name}"
    try:
        if hasattr(request, "page_cache_generation"):  # the page cache, or an earlier call, looked it up
            generation, kept = request.page_cache_generation, store.cache().get(key)
        else:
            generation, kept = store.generation_and(key)
            request.page_cache_generation = generation
    except CACHE_FAILURES as error:
        logger.warning("Shared cache unavailable (%s); site data read afresh.", type(error).__name__)
        return build()
    if kept is not None and kept[0] == generation:
        return kept[1]
    value = build()
    if value is None:
        return value
    try:
        store.cache().set(key, (generation, value), timeout=settings.PAGE_CACHE_TIMEOUT)
    except CACHE_FAILURES as error:
        logger.warning("Shared cache unavailable (%s); site data not kept.", type(error).__name__)
    return value


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
        return self.get_response(request)
