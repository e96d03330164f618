"""
What the page cache keeps, and how every server forgets it at once.

Each entry is one page's response, stored with the *generation* that was current
when rendering began. Anything that can change what a page shows (publishing,
a clinic detail, an image...) starts a new generation, a fresh random value in
the shared cache, once its transaction has committed. An entry from an older
generation is never served, so one write purges every page on every server,
and a page rendered from data that was about to change cannot be kept: it was
stored under the generation it began with, which was already old.
"""

import functools
import gzip
import hashlib
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip as accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from django.utils.text import compress_string

GENERATION_KEY = "pagecache:generation"

# Stored with each entry; everything else is added again on the way out.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Cache-Control")


# The project's own code and templates: a new release keeps its pages apart from
# the last one's, so during a rolling deploy each server serves pages its own
# templates made.
SOURCE_PACKAGES = ("accounts", "clinic", "enquiries", "health", "pages", "pagecache")
SOURCE_SUFFIXES = {".py", ".html", ".css", ".js", ".svg", ".txt"}


@functools.cache
def release():
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for package in SOURCE_PACKAGES:
        for path in sorted((base / package).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    digest.update((base / "requirements.txt").read_bytes())
    return digest.hexdigest()[:12]


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def address_digest(request):
    """The scheme, host and path; the query string is ignored (see the middleware)."""
    return hashlib.sha256(f"{request.scheme}://{request.get_host()}{request.path}".encode()).hexdigest()[:40]


def entry_key(request):
    """One entry per address."""
    return f"pagecache:page:{release()}:{address_digest(request)}"


def generation_and(key):
    """The current generation and what is stored at ``key`` (or None), in one round trip."""
    found = cache().get_many([GENERATION_KEY, key])
    return found.get(GENERATION_KEY) or start_generation(only_if_missing=True), found.get(key)


def lookup(request):
    """The current generation, and the response stored for this request if it belongs to it."""
    generation, entry = generation_and(entry_key(request))
    if entry and entry["generation"] == generation:
        return generation, entry
    return generation, None


def store(request, response, generation):
    content = response.content
    # Compressed once here rather than on every visit. A public page holds no
    # secret, so unlike Django's gzip it needs no random padding against BREACH.
    # Only the smaller body is kept: nearly every visitor takes gzip, and every
    # visit fetches the entry, so a third of the bytes is a quicker hit.
    compressed = compress_string(content)
    gzipped = len(compressed) < len(content)
    entry = {
        "generation": generation,
        "status": response.status_code,
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        "body": compressed if gzipped else content,
        "gzipped": gzipped,
        "etag": f'"{hashlib.sha256(content).hexdigest()[:32]}"',
        "last_modified": http_date(time.time()),
    }
    cache().set(entry_key(request), entry, timeout=settings.PAGE_CACHE_TIMEOUT)
    return entry


def response_from(entry, request):
    """The stored page, compressed if the visitor's browser takes gzip."""
    gzipped = entry["gzipped"]
    compressed = gzipped and accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    body = gzip.decompress(entry["body"]) if gzipped and not compressed else entry["body"]
    response = HttpResponse(body, status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["Content-Length"] = str(len(body))
    if gzipped:
        patch_vary_headers(response, ("Accept-Encoding",))
    if compressed:
        response["Content-Encoding"] = "gzip"
    # Two encodings of one page: the same validator, weak as RFC 9110 asks of the compressed one.
    response["ETag"] = f"W/{entry['etag']}" if compressed else entry["etag"]
    response["Last-Modified"] = entry["last_modified"]
    return response


def start_generation(only_if_missing=False):
    """A new generation: every stored page is forgotten. Returns the generation now current."""
    generation = secrets.token_hex(8)
    if only_if_missing:
        # Several processes may find it missing at once: the first one's value wins.
        cache().add(GENERATION_KEY, generation, timeout=None)
        return cache().get(GENERATION_KEY) or generation
    cache().set(GENERATION_KEY, generation, timeout=None)
    return generation
