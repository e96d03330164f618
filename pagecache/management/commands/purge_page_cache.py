"""
Forget every cached page now, on every server (and at the CDN, if there is one).
Publishing does this by itself; this is for anything else that changes pages,
such as a fix made straight in the database.
"""

from django.core.management.base import BaseCommand

from pagecache.signal_handlers import Invalidation


class Command(BaseCommand):
    help = "Forget every cached page, on every server and at the CDN."

    def handle(self, *args, **options):
        Invalidation()()
        self.stdout.write("Every cached page is forgotten; each is rendered afresh when next asked for.")
