"""
Uploads in an S3-compatible bucket (MEDIA_STORAGE=s3), for several app servers:
images go to the bucket under stable public addresses the pages and the
Content-Security-Policy allow, and documents stay private, sent by the site.
The bucket is moto's, in memory: boto3 and django-storages run for real.
"""

from io import BytesIO

import boto3
import pytest
from moto import mock_aws
from PIL import Image as PILImage

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model

from clinic.media_storage import PUBLIC_CACHE_CONTROL, media_storage
from tests.factories import make_image, make_user

BUCKET = "clayhall-media"
REGION = "eu-west-2"
ENVIRONMENT = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": BUCKET,
    "AWS_S3_REGION_NAME": REGION,
    "AWS_ACCESS_KEY_ID": "test-key-id",
    "AWS_SECRET_ACCESS_KEY": "test-secret",
}
BUCKET_ORIGIN = f"https://{BUCKET}.s3.amazonaws.com"


def test_uploads_stay_on_disk_unless_asked():
    assert media_storage({})["BACKEND"] == "clinic.storages.MediaStorage"
    assert media_storage({"MEDIA_STORAGE": "filesystem"}) == media_storage({})


def test_the_bucket_comes_from_the_environment():
    storage = media_storage({**ENVIRONMENT, "AWS_S3_ENDPOINT_URL": "https://s3.example.net"})

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": BUCKET,
        "region_name": REGION,
        "endpoint_url": "https://s3.example.net",
        "access_key": "test-key-id",
        "secret_key": "test-secret",
        "querystring_auth": False,
        "default_acl": None,
        "file_overwrite": False,
        "object_parameters": {"CacheControl": PUBLIC_CACHE_CONTROL},
    }


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "needs AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "ftp"}, "must be 'filesystem' or 's3'"),
    ],
)
def test_a_storage_it_cannot_use_stops_the_site_starting(environment, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storage(environment)


@pytest.fixture
def bucket(settings):
    with mock_aws():
        boto3.client("s3", region_name=REGION).create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        settings.STORAGES = {**settings.STORAGES, "default": media_storage(ENVIRONMENT)}
        yield boto3.client("s3", region_name=REGION)


def jpeg():
    buffer = BytesIO()
    PILImage.new("RGB", (640, 400), (11, 85, 97)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_images_and_their_renditions_go_to_the_bucket_at_stable_addresses(bucket):
    image = make_image(size=(640, 400))

    rendition = image.get_rendition("fill-320x200")

    assert rendition.url.startswith(f"{BUCKET_ORIGIN}/images/")
    assert "?" not in rendition.url  # no signature that expires
    stored = bucket.head_object(Bucket=BUCKET, Key=rendition.file.name)
    assert stored["ContentType"] == "image/png"
    assert stored["CacheControl"] == PUBLIC_CACHE_CONTROL
    assert bucket.head_object(Bucket=BUCKET, Key=image.file.name)["ContentLength"] > 0


@pytest.mark.django_db
def test_pages_and_the_admin_may_show_images_from_the_bucket(bucket, client, demo_site):
    public = client.get("/")
    client.force_login(make_user("editor", groups=["Editors"]))
    admin = client.get(reverse("wagtailimages:index"))

    for response in (public, admin):
        image_sources = policy(response)["img-src"]
        assert BUCKET_ORIGIN in image_sources and "'self'" in image_sources


@pytest.mark.django_db
def test_a_cdn_in_front_of_the_bucket_gives_the_addresses_and_the_policy(settings, bucket, client):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage({**ENVIRONMENT, "AWS_S3_CUSTOM_DOMAIN": "media.clinic.example"}),
    }

    rendition = make_image().get_rendition("width-100")

    assert rendition.url.startswith("https://media.clinic.example/images/")
    assert "https://media.clinic.example" in policy(client.get("/healthz"))["img-src"]


@pytest.mark.django_db
def test_documents_are_kept_in_the_bucket_but_sent_by_the_site(bucket, client):
    document = get_document_model().objects.create(
        title="Aftercare", file=ContentFile(b"%PDF-1.4 aftercare advice", name="aftercare.pdf")
    )

    response = client.get(document.url)

    assert document.url.startswith("/documents/")
    assert bucket.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read().startswith(b"%PDF")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 aftercare advice"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_on_disk_the_policy_names_no_other_host(client, db):
    assert policy(client.get("/healthz"))["img-src"] == ["'self'"]


def policy(response):
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in directives}
