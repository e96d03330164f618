"""Local development: DEBUG on, emails printed to the console."""

from .base import *
from .base import STORAGES, env_bool, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Serve static files straight from the app folders, with no collectstatic step.
WHITENOISE_AUTOREFRESH = True

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The local administrator `make run` prints signs in with a password only (the
# command says so); TWO_FACTOR_REQUIRED=true tries the production sign-in locally.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)

# Templates change under a developer's hands: pages are rendered afresh unless asked.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
SITE_DATA_CACHE_ENABLED = env_bool("SITE_DATA_CACHE_ENABLED", PAGE_CACHE_ENABLED)
