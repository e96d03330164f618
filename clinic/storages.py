"""
The storages behind every file address a page shows, with each address worked
out once for the life of the process.

A treatment page asks for a dozen: the style sheet and scripts (``{% static %}``,
about 26 microseconds each: a manifest lookup, then quoting and joining) and its
picture's renditions (about 15 each, quoting and joining). An address depends
only on the file's name and the storage's settings: static files change only
with a release, which restarts the process, and an upload's name is never
reused for other contents (Wagtail names each file anew).
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage

from django.core.files.storage import FileSystemStorage

# Names come from templates and uploads, so there are few; the bound keeps an
# odd caller (an address built from a request, say) from growing the process.
MOST_ADDRESSES_KEPT = 5_000


class AddressesKept:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.addresses = {}

    def url(self, name, *args, **kwargs):
        if args or kwargs:  # force=True, for example: as asked
            return super().url(name, *args, **kwargs)
        address = self.addresses.get(name)
        if address is None:
            address = super().url(name)
            if len(self.addresses) < MOST_ADDRESSES_KEPT:
                self.addresses[name] = address
        return address

    def _clear_cached_properties(self, setting, **kwargs):
        # MEDIA_URL or STATIC_URL changed (only ever in tests): addresses start again.
        super()._clear_cached_properties(setting, **kwargs)
        self.addresses = {}


class StaticStorage(AddressesKept, CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed, hashed static files."""


class MediaStorage(AddressesKept, FileSystemStorage):
    """Uploads on this server's disk (``MEDIA_ROOT``), at ``MEDIA_URL``."""
