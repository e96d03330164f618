"""Background work for enquiries, run by the task backend (``manage.py db_worker`` in production)."""

import contextlib
import logging

from django_tasks import task

from django.db import transaction

from enquiries import outbox
from enquiries.models import OutboxEmail

logger = logging.getLogger(__name__)


def queue_emails(email_ids):
    """
    Hand outbox emails to the task backend. A backend that stores them for later
    (the database backend) takes them in one transaction: one disk flush rather
    than one each. One that sends at once (the immediate backend, in development)
    gets them one by one, outside any transaction, so no email ever goes out from
    inside one. If the backend cannot take them, they still wait in the outbox,
    and the cron command sends them.
    """
    stores_for_later = send_email.get_backend().supports_defer
    try:
        with transaction.atomic() if stores_for_later else contextlib.nullcontext():
            for email_id in email_ids:
                send_email.enqueue(email_id)
    except Exception:
        logger.exception("Could not queue outbox emails %s; the cron command will send them.", email_ids)


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
