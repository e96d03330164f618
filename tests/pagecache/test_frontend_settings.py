"""A CDN to tell when pages change, from the environment; one it cannot use stops the site starting."""

import pytest

from django.core.exceptions import ImproperlyConfigured

from pagecache.frontend import frontend_cache_settings


def test_no_cdn_unless_named():
    assert frontend_cache_settings({}) is None


def test_cloudflare_from_its_variables():
    environment = {
        "FRONTEND_CACHE": "cloudflare",
        "CLOUDFLARE_BEARER_TOKEN": "t0ken",
        "CLOUDFLARE_ZONE_ID": "z1",
    }

    assert frontend_cache_settings(environment) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "t0ken",
            "ZONEID": "z1",
        }
    }


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"FRONTEND_CACHE": "akamai"}, "must be one of cloudflare, cloudfront, http"),
        ({"FRONTEND_CACHE": "cloudfront"}, "needs CLOUDFRONT_DISTRIBUTION_ID"),
        ({"FRONTEND_CACHE": "http", "FRONTEND_CACHE_LOCATION": " "}, "needs FRONTEND_CACHE_LOCATION"),
    ],
)
def test_a_cdn_it_cannot_use_is_refused(environment, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        frontend_cache_settings(environment)
