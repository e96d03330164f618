"""
What editors may upload: real raster images within size and pixel limits, saved
without the camera's details, and PDFs, under safe file names; documents are
always downloaded, never shown as pages.
"""

from io import BytesIO

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def png(size=(40, 30)):
    buffer = BytesIO()
    PILImage.new("RGB", size, (11, 85, 97)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def editor(client):
    client.force_login(make_user("editor", groups=["Editors"]))
    return client


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_a_real_image_is_kept_under_a_safe_name(editor):
    response = upload_image(editor, "../../etc/Shoulder <script>x</script> scan.png", png())

    assert response.status_code == 302
    name = get_image_model().objects.get().file.name
    assert name.startswith("original_images/")
    assert ".." not in name and "<" not in name and " " not in name and "/etc/" not in name


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("notes.png", b"This is not a picture at all.", "image/png"),
        (
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        ("page.html", b"<html><script>alert(1)</script></html>", "text/html"),
    ],
    ids=["text named png", "svg", "html"],
)
def test_anything_but_a_real_raster_image_is_refused(editor, name, content, content_type):
    response = upload_image(editor, name, content, content_type)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(editor, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000

    response = upload_image(editor, "huge.png", png(size=(50, 50)))

    assert response.status_code == 200
    assert "pixels" in " ".join(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()


def test_documents_are_pdfs_only_and_always_downloaded(editor, client):
    refused = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Leaflet",
            "file": SimpleUploadedFile("leaflet.html", b"<html></html>", content_type="text/html"),
        },
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["file"]

    accepted = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Leaflet",
            "file": SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        },
    )
    assert accepted.status_code == 302
    document = get_document_model().objects.get()
    client.logout()
    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def photo(size=(800, 600), orientation=None, image_format="JPEG"):
    """A phone photo: where, when and on what it was taken, in its EXIF."""
    exif = PILImage.Exif()
    exif[0x010F] = "Clinic phone maker"  # Make
    exif[0x0132] = "2026:11:30 09:15:00"  # DateTime
    exif.get_ifd(0x8825)[2] = (51.0, 35.0, 12.0)  # GPS latitude
    if orientation:
        exif[0x0112] = orientation
    buffer = BytesIO()
    picture = PILImage.new("RGB", size, (11, 85, 97))
    picture.paste((200, 40, 40), (0, 0, 40, 20))  # a red mark in the top left corner
    picture.save(buffer, format=image_format, exif=exif)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "image_format", "content_type"),
    [
        ("room.jpg", "JPEG", "image/jpeg"),
        ("room.png", "PNG", "image/png"),
        ("room.webp", "WEBP", "image/webp"),
    ],
)
def test_uploads_lose_the_camera_details_and_so_does_every_size_pages_show(
    editor, name, image_format, content_type
):
    assert PILImage.open(BytesIO(photo(image_format=image_format))).getexif()

    assert upload_image(editor, name, photo(image_format=image_format), content_type).status_code == 302

    image = get_image_model().objects.get()
    with image.open_file() as original:
        assert not PILImage.open(original).getexif()
    assert (image.width, image.height) == (800, 600)
    assert image.file_size == image.file.size
    for spec in ("fill-640x400", "width-320|format-webp"):
        with image.get_rendition(spec).file.open() as rendition:
            assert not PILImage.open(rendition).getexif()


def test_a_photo_taken_sideways_stays_the_right_way_up(editor):
    # Orientation 6: the camera was turned, and the picture must be turned 90 degrees clockwise.
    upload_image(editor, "sideways.jpg", photo(orientation=6), "image/jpeg")

    image = get_image_model().objects.get()
    assert (image.width, image.height) == (600, 800)
    with image.open_file() as original:
        picture = PILImage.open(original)
        red, green, _ = picture.getpixel((picture.width - 5, 5))  # the mark, now top right
        assert red > 150 and green < 100
        assert not picture.getexif()


def test_a_clean_image_is_kept_as_it_was_sent(editor):
    content = png()

    upload_image(editor, "plain.png", content)

    with get_image_model().objects.get().open_file() as stored:
        assert stored.read() == content
