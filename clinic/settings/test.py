"""Tests: PostgreSQL, fast password hashing, email kept in memory."""

import atexit
import shutil
import tempfile

from .base import *
from .base import CACHE_URL, dj_database_url, env_bool, os

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic"),
        conn_max_age=0,
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="clinic-test-media-")
MEDIA_ROOT_OWNER = os.getpid()


def remove_test_media():
    """Every process that loads these settings makes a folder: it removes its own, not a forked child."""
    if os.getpid() == MEDIA_ROOT_OWNER:
        shutil.rmtree(MEDIA_ROOT, ignore_errors=True)


atexit.register(remove_test_media)
# Uploads go to a temporary folder whatever MEDIA_STORAGE says; the bucket tests
# (tests/clinic/test_media_storage.py) use a bucket of their own.
STORAGES = {
    "default": {"BACKEND": "clinic.storages.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files straight from the app folders, with no collectstatic step.
WHITENOISE_AUTOREFRESH = True

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Each test process keeps its own cache, so tests cannot see each other's counts.
# Tests of the shared cache start app processes of their own with CACHE_URL set.
if not CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Tests sign staff in with a password; the two-factor tests turn it on themselves.
TWO_FACTOR_REQUIRED = False

# Many tests move the clock by days with a signed-in client; the session-lifetime
# tests (tests/accounts/) put back production's limits themselves.
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_MAX_LIFETIME = 365 * 24 * 60 * 60

# A test's changes are never committed (each runs in a transaction that is rolled
# back), so the page cache would never hear of them: pages are rendered afresh,
# except in the page cache's own tests (tests/pagecache/), which turn it on (in
# this process, or with PAGE_CACHE_ENABLED=true for an app server of their own).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
SITE_DATA_CACHE_ENABLED = env_bool("SITE_DATA_CACHE_ENABLED", PAGE_CACHE_ENABLED)
