"""
The static files' storage in production: WhiteNoise's compressed, hashed files,
with each file's address worked out once for the life of the process.

Every page asks for a few (the style sheet, the scripts, the icon), and each
``{% static %}`` took about 26 microseconds: a manifest lookup, then URL
quoting and joining. The manifest only changes with a release, which restarts
the process, so the answer never changes while the process lives.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage

# Names come from templates, so there are few; the bound keeps an odd caller
# (an address built from a request, say) from growing the process without end.
MOST_ADDRESSES_KEPT = 2_000


class StaticStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.addresses = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        address = self.addresses.get(name)
        if address is None:
            address = super().url(name)
            if len(self.addresses) < MOST_ADDRESSES_KEPT:
                self.addresses[name] = address
        return address
