"""
Results pages are for the patient who searched: search engines are told not to
index them, the sitemap leaves them out, and no shared cache keeps them (what
someone searched for can say something about their health).
"""

import pytest

pytestmark = pytest.mark.django_db

SEARCHES = ["/search/", "/search/?q=acupuncture", "/search/?q=xylophone"]


@pytest.mark.parametrize("url", SEARCHES)
def test_search_pages_ask_not_to_be_indexed(demo_site, client, url):
    response = client.get(url)

    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_the_sitemap_leaves_search_out(demo_site, client):
    assert "/search/" not in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("url", SEARCHES)
def test_search_pages_are_never_kept_by_the_page_cache_or_any_shared_cache(demo_site, client, settings, url):
    settings.PAGE_CACHE_ENABLED = True
    settings.SITE_DATA_CACHE_ENABLED = True

    responses = [client.get(url) for _ in range(2)]

    for response in responses:
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
