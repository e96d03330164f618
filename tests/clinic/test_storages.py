"""File addresses (static files, uploads): worked out once per process, and right."""

import json

import pytest

from django.test import override_settings

from clinic import storages
from clinic.storages import MediaStorage, StaticStorage


@pytest.fixture
def storage(tmp_path):
    (tmp_path / "staticfiles.json").write_text(
        json.dumps(
            {
                "version": "1.1",
                "paths": {
                    "css/site.css": "css/site.0123456789ab.css",
                    "img/icon.svg": "img/icon.ba9876543210.svg",
                },
                "hash": "x",
            }
        )
    )
    return StaticStorage(location=tmp_path, base_url="/static/")


def test_an_address_comes_hashed_from_the_manifest_and_is_kept(storage):
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"
    storage.hashed_files = {}  # a second answer could only come from the manifest, now empty

    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"


def test_a_file_missing_from_the_manifest_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("js/missing.js")
    assert "js/missing.js" not in storage.addresses


def test_only_so_many_addresses_are_kept(storage, monkeypatch):
    monkeypatch.setattr(storages, "MOST_ADDRESSES_KEPT", 1)

    storage.url("css/site.css")
    assert storage.url("img/icon.svg") == "/static/img/icon.ba9876543210.svg"

    assert list(storage.addresses) == ["css/site.css"]


def test_an_uploads_address_is_kept_until_the_media_address_changes(tmp_path):
    uploads = MediaStorage(location=tmp_path)
    name = "images/back.2e16d0ba.fill-480x300.format-webp.webp"

    assert uploads.url(name) == f"/media/{name}"
    assert uploads.addresses == {name: f"/media/{name}"}
    with override_settings(MEDIA_URL="https://media.example/"):
        assert uploads.url(name) == f"https://media.example/{name}"
    assert uploads.url(name) == f"/media/{name}"


def test_names_are_quoted_as_django_quotes_them(tmp_path):
    uploads = MediaStorage(location=tmp_path)

    assert uploads.url("images/a b#c.jpg") == "/media/images/a%20b%23c.jpg"
