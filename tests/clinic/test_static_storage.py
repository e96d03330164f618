"""Static file addresses in production: hashed from the manifest, worked out once per process."""

import json

import pytest

from clinic import static_storage
from clinic.static_storage import StaticStorage


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
    monkeypatch.setattr(static_storage, "MOST_ADDRESSES_KEPT", 1)

    storage.url("css/site.css")
    assert storage.url("img/icon.svg") == "/static/img/icon.ba9876543210.svg"

    assert list(storage.addresses) == ["css/site.css"]
