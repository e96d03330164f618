"""
Security headers on every response: the Content-Security-Policy (django-csp,
with a policy of its own for the Wagtail admin) and the headers Django has no
setting for; and compression of the pages themselves.
"""

import base64
import gzip
import hashlib
import re
import secrets

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from clinic.media_storage import media_origin


def is_admin(request):
    return request.path_info.startswith(settings.ADMIN_URL_PREFIX)


# Scripts written into the page itself: no src, and JavaScript rather than data.
INLINE_SCRIPT = re.compile(
    r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<code>.*?)</script>", re.DOTALL | re.IGNORECASE
)
DATA_SCRIPT = re.compile(r"\btype=[\"']?(?!text/javascript|module)[\w/+.-]+", re.IGNORECASE)


def inline_script_hashes(html):
    """The CSP hash of each inline script in ``html``, so exactly those may run."""
    hashes = []
    for script in INLINE_SCRIPT.finditer(html):
        attributes = script["attributes"]
        if re.search(r"\bsrc=", attributes, re.IGNORECASE) or DATA_SCRIPT.search(attributes):
            continue
        digest = hashlib.sha256(script["code"].encode()).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(hashes))


# The public policy's headers, the same for every public response: built once
# per process, and forgotten when a setting they come from changes (tests do).
PUBLIC_POLICY = {}
POLICY_SETTINGS = {"CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY", "STORAGES", "MEDIA_URL"}


@receiver(setting_changed)
def forget_public_policy(setting, **kwargs):
    if setting in POLICY_SETTINGS:
        PUBLIC_POLICY.clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """
    The strict public policy (``CONTENT_SECURITY_POLICY``) everywhere but the
    admin, which gets ``CONTENT_SECURITY_POLICY_ADMIN``. Wagtail 8's admin still
    writes a few inline scripts (its image and date choosers start that way):
    each admin page allows exactly its own, by hash, and no others. Images may
    also come from the media bucket or CDN, when uploads are kept there.
    """

    # Set by django-csp's view decorators; a response with any of them gets its own policy.
    PER_VIEW_ATTRIBUTES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt", "_csp_exempt_ro")

    def process_response(self, request, response):
        if is_admin(request):
            # A preview renders the page through the middleware once more, as a visit
            # to the page's own address: the admin's policy replaces what that gave it.
            response.headers.pop(HEADER, None)
            return super().process_response(request, response)
        if not self.is_plain_public(request, response):
            return super().process_response(request, response)
        # Built once per process: building it took a tenth of a cached page's time.
        if not PUBLIC_POLICY:
            response = super().process_response(request, response)
            PUBLIC_POLICY.update(
                (name, response[name]) for name in (HEADER, HEADER_REPORT_ONLY) if name in response
            )
            return response
        for name, value in PUBLIC_POLICY.items():
            response.headers.setdefault(name, value)
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def is_plain_public(self, request, response):
        """No nonce asked for, no decorator, no header already set: the public policy exactly."""
        return (
            getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in self.PER_VIEW_ATTRIBUTES)
            and HEADER not in response
            and HEADER_REPORT_ONLY not in response
            and not (settings.DEBUG and response.status_code in (404, 500))
        )

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if origin := media_origin(default_storage):
            parts.update = {**(parts.update or {}), "img-src": [origin]}
        if parts.config is None and is_admin(request):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
            if is_html(response):
                hashes = inline_script_hashes(response.content.decode(response.charset or "utf-8"))
                if hashes:
                    parts.update = {**(parts.update or {}), "script-src": hashes}
        return parts


def is_html(response):
    return not response.streaming and response.get("Content-Type", "").startswith("text/html")


class SecurityHeadersMiddleware:
    """
    Cross-Origin-Resource-Policy and Permissions-Policy, which Django does not
    set, and no-store on admin pages, which show patients' details.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_admin(request):
            add_never_cache_headers(response)
        return response


# What compresses well; images, fonts and PDFs are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/javascript",
    "image/svg+xml",
)


# A page compressed for each request (the contact page, whose form makes it
# one visitor's own; any page the cache does not hold yet; the admin) is
# compressed at nginx's default level. Level 6, Django's, took a tenth of the
# contact page's time for 15% fewer bytes, when either fits in the first
# round trip of a new connection (about 14 KB).
PER_REQUEST_GZIP_LEVEL = 1


def padded_gzip(content, max_random_bytes):
    """
    Gzip, with a file name of random length in the header, as Django pads it:
    an attacker who sees only a compressed page's length cannot read a token on
    it a byte at a time (BREACH).
    """
    compressed = gzip.compress(content, compresslevel=PER_REQUEST_GZIP_LEVEL, mtime=0)
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    return bytes(header) + b"a" * secrets.randbelow(max_random_bytes) + b"\x00" + compressed[10:]


class TextCompressionMiddleware(GZipMiddleware):
    """
    Django's gzip, with its random padding against BREACH (admin pages and the
    contact page carry a CSRF token), for text only and at a quicker level.
    Outside the CSP middleware, which reads admin pages' scripts. Static files
    come compressed from WhiteNoise, and pages from the page cache compressed
    once when they were kept.
    """

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        if response.streaming:
            return super().process_response(request, response)
        # As GZipMiddleware does it, but for the level.
        if len(response.content) < 200 or response.has_header("Content-Encoding"):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        compressed = padded_gzip(response.content, self.max_random_bytes)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
