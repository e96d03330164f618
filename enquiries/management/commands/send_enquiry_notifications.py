import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from enquiries import outbox
from enquiries.models import OutboxEmail

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the outbox emails about enquiries that are due: failed ones whose retry time has "
        "come and any that were never sent. Run it every few minutes (see README); it logs "
        "counts, never content."
    )

    def handle(self, *args, **options):
        started = timezone.now()
        due = list(OutboxEmail.objects.due(started).values_list("pk", flat=True))
        for email_id in due:
            try:
                outbox.send(email_id)
            except Exception as error:  # noqa: BLE001 - one email's trouble must not stop the others
                # The class only: a database error's text can quote the row.
                logger.error("Outbox email %s could not be sent: %s", email_id, type(error).__name__)
        sent = OutboxEmail.objects.filter(pk__in=due, sent_at__gte=started).count()
        waiting = OutboxEmail.objects.pending().filter(pk__in=due).count()
        if options["verbosity"] > 0:
            self.stdout.write(f"Emails due: {len(due)}; sent: {sent}; not sent yet: {waiting}")
