"""
With no web server in front (make serve, make bench) the site sends uploaded
images itself, with the headers the web server adds; otherwise it sends none.
"""

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def image_url():
    return make_image().file.url


def test_uploaded_images_are_left_to_the_web_server_in_production(client, settings, image_url):
    settings.SERVE_MEDIA = False

    assert client.get(image_url).status_code == 404


def test_the_site_sends_uploaded_images_when_told_to(client, settings, image_url):
    settings.SERVE_MEDIA = True

    response = client.get(image_url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; img-src 'self'; sandbox"
    assert "max-age=2592000" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_documents_are_never_sent_straight_from_the_disk(client, settings):
    settings.SERVE_MEDIA = True
    name = default_storage.save("documents/letter.pdf", ContentFile(b"%PDF-1.4 private"))

    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize(
    "path", ["/media/../clinic/settings/base.py", "/media/%2e%2e/manage.py", "/media/missing.png"]
)
def test_nothing_outside_the_uploads_and_nothing_missing(client, settings, path):
    settings.SERVE_MEDIA = True

    assert client.get(path).status_code == 404


def test_only_reading(client, settings, image_url):
    settings.SERVE_MEDIA = True

    assert client.post(image_url).status_code == 405
