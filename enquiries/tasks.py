"""Background work for enquiries, run by the task backend (``manage.py db_worker`` in production)."""

import logging

from django_tasks import task

from enquiries import outbox
from enquiries.models import OutboxEmail

logger = logging.getLogger(__name__)


def queue_emails(email_ids):
    """Hand outbox emails to the task backend; one it cannot take still waits in the outbox for cron."""
    for email_id in email_ids:
        try:
            send_email.enqueue(email_id)
        except Exception:
            logger.exception("Could not queue outbox email %s; the cron command will send it.", email_id)


@task()
def send_email(email_id):
    """
    Send one outbox email. While it still waits (a failure, or another sender's
    lease), queue another try at its next attempt time when the backend can
    defer work; the ``send_enquiry_notifications`` command catches anything this misses.
    """
    if outbox.send(email_id):
        return True
    next_try = OutboxEmail.objects.filter(pk=email_id).values_list("next_attempt_at", flat=True).first()
    if next_try and send_email.get_backend().supports_defer:
        send_email.using(run_after=next_try).enqueue(email_id)
    return False
