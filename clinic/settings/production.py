"""
Production: refuses to start without a secret key and allowed hosts, and turns
on the HTTPS protections. Everything else comes from the environment (README).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import ALLOWED_HOSTS, SECRET_KEY, env_bool, os

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")

DEBUG = False
TWO_FACTOR_REQUIRED = True  # whatever the environment says
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is off unless asked for: once a domain is on the browsers' preload
# list it takes months to come off, and every subdomain (including ones a mail
# or booking provider runs) must serve HTTPS first. Set SECURE_HSTS_PRELOAD=true
# when that is so, then submit the domain at hstspreload.org.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # decided above, not forgotten

# Cookies only over HTTPS, never to scripts, and (with the __Host- prefix) only
# for this exact host, never a parent domain.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    # e.g. "HTTP_X_FORWARDED_PROTO" when a reverse proxy terminates TLS
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
