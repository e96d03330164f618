"""
Settings shared by every environment.

Safe by default: DEBUG is off, there is no secret key, and nothing here calls a
host outside the machine. Anything that differs between machines is read from
the environment; ``dev``, ``test`` and ``production`` only adjust what they must.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from clinic.media_storage import media_storage
from pagecache.frontend import frontend_cache_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "clinic",
    "pages",
    "enquiries",
    "health",
    "accounts",
    "pagecache",
    "claims",
    "sitesearch",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "phonenumber_field",
]

MIDDLEWARE = [
    "clinic.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, like every header that is the same for every response.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "clinic.middleware.TextCompressionMiddleware",
    "clinic.middleware.SecurityHeadersMiddleware",
    "clinic.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a page served from the cache touches neither it nor the database.
    "pagecache.middleware.PageCacheMiddleware",
    "pagecache.shared_data.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.sessions.SessionLifetimeMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# With no DATABASE_URL the site runs on an embedded SQLite file, so `make run`
# needs no database server. Tests and production set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite, for an editor with the preview panel open: autosave and the preview
# write at the same moment. WAL lets a writer and readers work side by side;
# IMMEDIATE takes the write lock when a transaction starts, so a second writer
# waits its turn (for up to `timeout` seconds) instead of failing with
# "database is locked" when it cannot upgrade a read lock.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every worker and every server, so what it counts (the enquiry
# rate limit) and what it remembers hold across them: Redis when CACHE_URL (or
# REDIS_URL) names one, otherwise a table in the database (clinic 0004 creates
# it). Never per-process memory.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, reusing its clients (clinic/cache.py).
            "BACKEND": "clinic.cache.SharedRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clinic"),
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}
    }

# Staff sign-in (accounts/). django-axes locks signing in as a user from an
# address after 5 failures (a wrong password or a wrong security code) for 30
# minutes; it reads the client's address by the same rule as the enquiry rate
# limit, and keeps its counts in the database, so they hold on every server.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "clinic.network.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Every staff account signs in with a second factor (production insists; dev and
# the tests turn it off unless asked).
TWO_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = os.environ.get("CLINIC_NAME", "Clayhall Osteopaths")
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.TwoFactorLoginForm"
# Sessions end after 30 minutes without a request, and 12 hours after signing in.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_MAX_LIFETIME = 12 * 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# In production the web server sends uploaded images from MEDIA_ROOT (docs/deploy.md).
# With no web server in front (make serve, make bench, and under DEBUG) the site does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Uploads on this server's disk, or in an S3-compatible bucket (MEDIA_STORAGE=s3).
STORAGES = {
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "clinic.storages.StaticStorage"},
}

# Wagtail's page editor can post many fields; the public forms stay far below this.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# An enquiry refused for an expired security cookie is shown again, not lost.
CSRF_FAILURE_VIEW = "enquiries.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (clinic.middleware): the public site loads nothing but
# its own files, and no page may be framed. The admin has a policy of its own.
ADMIN_URL_PREFIX = "/admin/"
SELF = "'self'"
NONE = "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "manifest-src": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": [NONE],
        # Inline scripts are allowed one by one, by hash (clinic.middleware).
        "script-src": [SELF],
        # The rich text editor (Draftail) writes the indentation of nested lists
        # into <style> elements as it runs; nothing else here needs inline styles.
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF],
        # The page editor shows its preview, a page of this site, in a frame.
        "frame-ancestors": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# Browser features the site never uses, turned off for it and anything it might embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A mail server that accepts the connection and then hangs must not hold a worker (or,
# with the immediate task backend, a patient's request) for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Clayhall Osteopaths <noreply@clayhallosteopath.com>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# One line per event, with the request's id, and never a patient's details
# (clinic/logs.py: exceptions are logged by class and place, not message).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "clinic.logs.RequestIdFilter"}},
    "formatters": {"one_line": {"()": "clinic.logs.OneLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "one_line", "filters": ["request_id"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies can hold health information: never let Django log them.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Per-task and per-publish lines drown out what matters; warnings still show.
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-axes logs usernames and addresses; accounts logs each lockout without them.
        "axes": {"level": "ERROR"},
    },
}

# Optional error reporting (clinic/error_reporting.py): nothing of a patient's is sent.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from clinic import error_reporting

    error_reporting.start(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"))

# Background tasks (emails about enquiries, Wagtail's index updates) are queued
# in the database and run by `manage.py db_worker`. dev and test run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The page cache (pagecache/): each public page rendered once, then served from
# the shared cache until something it shows changes. Browsers check back each
# time (a 304 when nothing changed); a CDN in front may keep a page for
# PAGE_CACHE_SHARED_MAX_AGE, a day when it is told to forget (FRONTEND_CACHE).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# What rendering any page asks first (site, route, clinic details, menu), kept
# under the same generation: pagecache/shared_data.py.
SITE_DATA_CACHE_ENABLED = env_bool("SITE_DATA_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = 24 * 60 * 60
WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)
PAGE_CACHE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_CACHE_BROWSER_MAX_AGE", "0"))
PAGE_CACHE_SHARED_MAX_AGE = int(
    os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "86400" if WAGTAILFRONTENDCACHE else "300")
)

# Enquiries: see enquiries/ and the README.
ENQUIRIES_RATE_LIMIT = os.environ.get("ENQUIRIES_RATE_LIMIT", "5/600")  # submissions / seconds, per client
# The request header that holds the client address when the site runs behind a
# reverse proxy (e.g. HTTP_X_FORWARDED_FOR), and how many proxies of ours append
# to it. Unset: the connection's own address, which a client cannot forge.
ENQUIRIES_CLIENT_IP_HEADER = os.environ.get("ENQUIRIES_CLIENT_IP_HEADER", "")
ENQUIRIES_TRUSTED_PROXY_COUNT = int(os.environ.get("ENQUIRIES_TRUSTED_PROXY_COUNT", "1"))
ENQUIRIES_MIN_SECONDS_TO_FILL = int(os.environ.get("ENQUIRIES_MIN_SECONDS_TO_FILL", "3"))
ENQUIRIES_NOTIFICATION_MAX_ATTEMPTS = int(os.environ.get("ENQUIRIES_NOTIFICATION_MAX_ATTEMPTS", "8"))
# Days kept, as the privacy notice says (purge_enquiries): closed ones from closing, spam from receipt.
ENQUIRIES_RETENTION_DAYS = int(os.environ.get("ENQUIRIES_RETENTION_DAYS", "365"))
ENQUIRIES_SPAM_RETENTION_DAYS = int(os.environ.get("ENQUIRIES_SPAM_RETENTION_DAYS", "30"))
# Replies by secure link (enquiries/replies.py): how long a link works, how long an
# emailed one-time code works, and how long a confirmed code keeps the replies open.
ENQUIRIES_REPLY_LINK_DAYS = int(os.environ.get("ENQUIRIES_REPLY_LINK_DAYS", "14"))
ENQUIRIES_ACCESS_CODE_MINUTES = int(os.environ.get("ENQUIRIES_ACCESS_CODE_MINUTES", "15"))
ENQUIRIES_REPLY_ACCESS_MINUTES = int(os.environ.get("ENQUIRIES_REPLY_ACCESS_MINUTES", "30"))

# Backups (clinic/backups: `manage.py backup` and `manage.py restore`; see README).
# BACKUP_ENCRYPTION_KEY is read from the environment by clinic/backups alone: the
# web server never needs it, so it is not a setting.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))

# Readiness (/readyz): what must answer, and how much queued work is too much.
HEALTH_READINESS_CHECKS = [
    "health.checks.database",
    "health.checks.shared_cache",
    "health.checks.task_backlog",
    "enquiries.health.unsent_emails",
]
HEALTH_MAX_TASKS_WAITING = int(os.environ.get("HEALTH_MAX_TASKS_WAITING", "200"))
HEALTH_MAX_TASK_WAIT_SECONDS = int(os.environ.get("HEALTH_MAX_TASK_WAIT_SECONDS", "900"))
HEALTH_MAX_UNSENT_EMAIL_SECONDS = int(os.environ.get("HEALTH_MAX_UNSENT_EMAIL_SECONDS", "1800"))

# Telephone numbers (clinic.phone): read as UK numbers unless they start with +
# or 00, stored as E.164, shown nationally for the UK and internationally otherwise.
PHONENUMBER_DEFAULT_REGION = "GB"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# Wagtail
WAGTAIL_SITE_NAME = "Clayhall Osteopaths"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_I18N_ENABLED = False
# Uploads. Images: raster formats only (no SVG, which can carry scripts), checked
# by Wagtail to be what their extension says, at most 10 MB and 50 megapixels
# (a decompression bomb is refused before it is decoded). Documents: PDFs only,
# always downloaded rather than shown in the browser, with nosniff.
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Documents are always sent by the site, wherever they are stored, so their
# collection's privacy holds and a bucket never has to make them public.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50 * 1000 * 1000
# Every image uploaded in the admin is saved without the camera's details (where
# and when it was taken, the phone's serial number): pages.images.
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.images.ImageForm"
WAGTAILEMBEDS_FINDERS = []  # no oEmbed calls to outside hosts
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}

# Shown by the 500 page, which must render without the database (and so
# without the clinic's site setting). Keep in step with the setting.
CLINIC_FALLBACK_CONTACT = {
    "name": os.environ.get("CLINIC_NAME", "Clayhall Osteopaths"),
    "phone": os.environ.get("CLINIC_PHONE", "020 8220 4254"),
    "email": os.environ.get("CLINIC_EMAIL", "info@clayhallosteopath.com"),
}
