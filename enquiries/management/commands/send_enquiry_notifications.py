from django.core.management.base import BaseCommand

from enquiries.notifications import due_for_retry, send_notifications


class Command(BaseCommand):
    help = (
        "Send enquiry emails that failed or were never attempted and are due. "
        "Run it every few minutes (see README); it logs counts, never content."
    )

    def handle(self, *args, **options):
        due = list(due_for_retry().values_list("pk", flat=True))
        sent = sum(1 for pk in due if send_notifications(pk))
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Enquiries due: {len(due)}; emails completed: {sent}; still failing: {len(due) - sent}"
            )
