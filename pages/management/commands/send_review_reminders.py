"""Queue this week's review reminders: one email per page owner with health pages due."""

from django.core.management.base import BaseCommand

from pages.tasks import owners_with_pages_due, send_review_reminder


class Command(BaseCommand):
    help = "Queue a reminder to each owner of health pages whose review is overdue or due soon (run weekly)."

    def handle(self, *args, **options):
        owners = owners_with_pages_due()
        for owner_id in owners:
            send_review_reminder.enqueue(owner_id)
        pages = sum(len(pages) for pages in owners.values())
        self.stdout.write(f"Review reminders queued: {len(owners)} owners, {pages} pages.")
