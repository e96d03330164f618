"""
Where uploaded images and documents are kept: on this server's disk
(``MEDIA_ROOT``), or, with ``MEDIA_STORAGE=s3``, in an S3-compatible bucket
through django-storages, so that several app servers share one set of uploads.

Images (``original_images/`` and the resized ``images/`` pages show, all saved
without the camera's details: pages.images) are public, at addresses that do
not expire. Documents (``documents/``) stay private: the site sends them itself
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which keeps a collection's
privacy settings, nosniff and the download header.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

FILESYSTEM = {"BACKEND": "clinic.storages.MediaStorage"}
S3 = "storages.backends.s3.S3Storage"

# Resized images are written once under a new name, never changed in place.
PUBLIC_CACHE_CONTROL = "public, max-age=2592000"


def media_storage(environ):
    """The ``STORAGES["default"]`` entry the environment asks for."""
    kind = environ.get("MEDIA_STORAGE", "filesystem").strip().lower() or "filesystem"
    if kind == "filesystem":
        return FILESYSTEM
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'filesystem' or 's3', not {kind!r}.")
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        # Addresses without a signature that expires: a page (and the page cache)
        # can keep an image's address. The bucket's policy makes the images public.
        "querystring_auth": False,
        # The bucket's policy decides what is public, not a per-file ACL (which
        # many providers refuse).
        "default_acl": None,
        # Wagtail gives every upload its own name; never replace another file.
        "file_overwrite": False,
        "object_parameters": {"CacheControl": PUBLIC_CACHE_CONTROL},
    }
    # Without keys, boto3 finds credentials itself (an instance or task role).
    for option, variable in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
    ):
        if value := environ.get(variable, "").strip():
            options[option] = value
    return {"BACKEND": S3, "OPTIONS": options}


def media_origin(storage):
    """
    The origin media is served from when it is not this site (a bucket or a
    CDN), for the Content-Security-Policy's ``img-src``; None when it is this site.
    """
    parts = urlsplit(storage.url("images/example.jpg"))
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None
