from django.core.management.base import BaseCommand

from enquiries import outbox
from enquiries.models import OutboxEmail


class Command(BaseCommand):
    help = (
        "Send the outbox emails about enquiries that are due: failed ones whose retry time has "
        "come and any that were never sent. Run it every few minutes (see README); it logs "
        "counts, never content."
    )

    def handle(self, *args, **options):
        due = list(OutboxEmail.objects.due().values_list("pk", flat=True))
        sent = sum(1 for pk in due if outbox.send(pk))
        if options["verbosity"] > 0:
            self.stdout.write(f"Emails due: {len(due)}; sent: {sent}; still failing: {len(due) - sent}")
