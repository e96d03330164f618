"""Background work for enquiries, run by the task backend (``manage.py db_worker`` in production)."""

import logging
from functools import partial

from django_tasks import task

from django.db import transaction

from enquiries import outbox
from enquiries.models import OutboxEmail

logger = logging.getLogger(__name__)


def queue_emails(email_ids):
    """
    After the commit, outbox emails for a task backend that sends at once (the
    immediate backend, in development): one by one, outside any transaction, so
    no email ever goes out from inside one. If the backend cannot take them,
    they still wait in the outbox, and the cron command sends them.
    """
    try:
        for email_id in email_ids:
            send_email.enqueue(email_id)
    except Exception:
        logger.exception("Could not queue outbox emails %s; the cron command will send them.", email_ids)


def queue_emails_with_transaction(email_ids):
    """
    Queue outbox emails with the transaction that made them (the caller's). A
    backend that stores them for later (the database backend) takes them inside
    it, behind a savepoint: committed with the enquiry in one disk flush rather
    than a second transaction's, never seen by the worker before their emails
    exist, and a refusal undoes only the tasks (the cron command sends the
    emails). One that sends at once gets them after the commit (``queue_emails``),
    so no email goes out from inside a transaction.
    """
    if not send_email.get_backend().supports_defer:
        transaction.on_commit(partial(queue_emails, email_ids))
        return
    try:
        with transaction.atomic():
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
