"""
Pages, and other text, travel gzipped to a browser that takes it: a phone on a
slow connection gets a treatment page in a third of the bytes. Images, fonts and
documents are compressed already and are sent as they are.
"""

import gzip

import pytest

from clinic.middleware import inline_script_hashes
from pagecache import store
from tests.clinic.test_security_headers import policy
from tests.factories import make_image, make_user

GZIP = {"accept-encoding": "gzip, deflate, br"}


def test_a_page_is_sent_compressed_to_a_browser_that_takes_gzip(client, demo_site):
    plain = client.get("/treatments/osteopathy/")
    compressed = client.get("/treatments/osteopathy/", headers=GZIP)

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 2
    assert gzip.decompress(compressed.content) == plain.content


def test_a_page_compressed_for_each_request_is_padded_to_a_random_length(client, demo_site):
    """Against BREACH: the length of a page with a CSRF token on it says nothing about the token."""
    responses = [client.get("/treatments/", headers=GZIP) for _ in range(6)]

    assert len({gzip.decompress(response.content) for response in responses}) == 1
    assert len({len(response.content) for response in responses}) > 1
    assert all(response.content[3] & gzip.FNAME for response in responses)


def test_the_admins_script_hashes_are_read_before_compression(client, demo_site):
    client.force_login(make_user("editor", groups=["Editors"]))
    page_id = demo_site.get_children().get(slug="treatments").get_children().first().pk

    response = client.get(f"/admin/pages/{page_id}/edit/", headers=GZIP)

    assert response["Content-Encoding"] == "gzip"
    hashes = inline_script_hashes(gzip.decompress(response.content).decode())
    assert hashes and policy(response)["script-src"] == ["'self'", *hashes]


def test_an_uploaded_image_is_sent_as_it_is(client, demo_site, settings):
    settings.SERVE_MEDIA = True
    image = make_image(title="Treatment room")

    response = client.get(image.file.url, headers=GZIP)

    assert response.status_code == 200
    assert "Content-Encoding" not in response


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_a_page_from_the_page_cache_is_compressed_once_and_validated_either_way(
    client, demo_site, page_cache_on
):
    client.get("/treatments/", headers=GZIP)
    plain = client.get("/treatments/")
    compressed = client.get("/treatments/", headers=GZIP)

    assert plain["X-Cache"] == compressed["X-Cache"] == "HIT"
    assert compressed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed["ETag"] == f"W/{plain['ETag']}"
    for etag in (plain["ETag"], compressed["ETag"]):
        assert client.get("/treatments/", headers={**GZIP, "if-none-match": etag}).status_code == 304


def test_the_page_cache_keeps_a_page_once_compressed(client, demo_site, page_cache_on, rf):
    client.get("/treatments/", headers=GZIP)

    entry = store.cache().get(store.entry_key(rf.get("/treatments/")))

    assert entry["gzipped"]
    assert gzip.decompress(entry["body"]) == client.get("/treatments/").content
