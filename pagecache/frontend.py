"""
A CDN or caching proxy in front of the site (Wagtail's frontend cache
invalidation), configured from the environment: told to forget every page
whenever the page cache starts a new generation, through the task worker.
"""

from django.core.exceptions import ImproperlyConfigured

BACKENDS = "wagtail.contrib.frontend_cache.backends"

# For each FRONTEND_CACHE value: Wagtail's backend, and its options from which variables.
KINDS = {
    "cloudflare": (
        f"{BACKENDS}.CloudflareBackend",
        {"BEARER_TOKEN": "CLOUDFLARE_BEARER_TOKEN", "ZONEID": "CLOUDFLARE_ZONE_ID"},
    ),
    "cloudfront": (f"{BACKENDS}.CloudfrontBackend", {"DISTRIBUTION_ID": "CLOUDFRONT_DISTRIBUTION_ID"}),
    # Varnish, Squid or nginx with a purge module: PURGE requests to this address.
    "http": (f"{BACKENDS}.HTTPBackend", {"LOCATION": "FRONTEND_CACHE_LOCATION"}),
}


def frontend_cache_settings(environ):
    """``WAGTAILFRONTENDCACHE`` for the environment's FRONTEND_CACHE, or None when there is none."""
    kind = environ.get("FRONTEND_CACHE", "").strip().lower()
    if not kind:
        return None
    if kind not in KINDS:
        raise ImproperlyConfigured(f"FRONTEND_CACHE must be one of {', '.join(KINDS)}, not {kind!r}.")
    backend, options = KINDS[kind]
    config = {"BACKEND": backend}
    for option, variable in options.items():
        value = environ.get(variable, "").strip()
        if not value:
            raise ImproperlyConfigured(f"FRONTEND_CACHE={kind} needs {variable}.")
        config[option] = value
    return {"default": config}
