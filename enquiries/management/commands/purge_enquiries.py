from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from enquiries.retention import purge


class Command(BaseCommand):
    help = (
        "Delete closed enquiries older than ENQUIRIES_RETENTION_DAYS (from closing) and spam older "
        "than ENQUIRIES_SPAM_RETENTION_DAYS (from receipt); open enquiries are kept. Run it daily "
        "(see README); it logs counts, never content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be deleted, and delete nothing."
        )

    def handle(self, *args, dry_run, **options):
        counts = purge(timezone.now(), dry_run=dry_run)
        if options["verbosity"] > 0:
            done = "would be deleted" if dry_run else "deleted"
            self.stdout.write(
                f"Closed enquiries older than {settings.ENQUIRIES_RETENTION_DAYS} days {done}: "
                f"{counts['retention']}; spam older than {settings.ENQUIRIES_SPAM_RETENTION_DAYS} days "
                f"{done}: {counts['spam']}."
            )
