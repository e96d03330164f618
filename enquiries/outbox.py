"""
Delivery of the emails in the outbox (``OutboxEmail``), so that none is lost
and none goes twice.

Rows are written with the enquiry, in its transaction; the task backend sends
each one after the commit. A failure is recorded on the row (the error's class,
never its text, which could quote an address) and retried with a growing delay
by the task itself, and by ``manage.py send_enquiry_notifications`` from cron,
which also sends anything that was never queued. An email is marked sent only
once it has gone.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from enquiries import emails
from enquiries.models import EmailKind, OutboxEmail

logger = logging.getLogger(__name__)

CLAIM_LEASE = timedelta(minutes=10)
RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 180, 360, 720)]


def retry_delay(attempts):
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def add_emails(enquiry, acknowledge_patient):
    """
    Put a new enquiry's emails in the outbox, in the caller's transaction (so
    they exist exactly when the enquiry does), due at once.
    """
    kinds = [EmailKind.STAFF_ALERT, *([EmailKind.ACKNOWLEDGEMENT] if acknowledge_patient else [])]
    due = enquiry.created_at
    return OutboxEmail.objects.bulk_create(
        OutboxEmail(enquiry=enquiry, kind=kind, created_at=due, next_attempt_at=due) for kind in kinds
    )


def claim(email_id, now):
    """
    Take the email for the next few minutes, so that the worker and the cron
    command never send it at the same moment; returns the lease's end, or None
    when the email is not due.

    The claim is a lease in ``next_attempt_at``, taken by a single UPDATE rather
    than a row lock, so no transaction is held open while mail is sent. A sender
    that dies mid-way leaves a lease that runs out and is retried. The lease is
    far longer than a send can take (SMTP gives up after EMAIL_TIMEOUT seconds).
    """
    lease_end = now + CLAIM_LEASE
    taken = OutboxEmail.objects.due(now).filter(pk=email_id).update(next_attempt_at=lease_end)
    return lease_end if taken else None


def send(email_id):
    """
    Send the email if it is due. Returns True when nothing is left to do for it
    (sent now or before, held with its spam, given up or deleted), False while
    it still waits: a retry time to come, or another sender's lease.

    Safe to call again at any time, and from two processes at once.
    """
    lease_end = claim(email_id, timezone.now())
    if lease_end is None:
        return not OutboxEmail.objects.deliverable().filter(pk=email_id).exists()
    email = OutboxEmail.objects.select_related("enquiry").filter(pk=email_id).first()
    if email is None:
        return True  # deleted with its enquiry (retention, erasure) since the claim
    try:
        emails.build(email).send()
    except Exception as error:  # noqa: BLE001 - any failure to send is recorded and retried
        record_failure(email, error, lease_end)
        return False
    # Recorded only under this sender's own lease (see record_failure).
    still_ours = OutboxEmail.objects.filter(pk=email_id, next_attempt_at=lease_end)
    if not still_ours.update(sent_at=timezone.now(), next_attempt_at=None, last_error=""):
        logger.warning("Outbox email %s was sent after its lease ran out.", email_id)
    return True


def record_failure(email, error, lease_end):
    """
    Count the failure and set the next try, unless the lease ran out meanwhile:
    then another sender has the email, and its outcome is the one that counts.
    """
    now = timezone.now()
    attempts = email.attempts + 1
    gave_up = attempts >= settings.ENQUIRIES_NOTIFICATION_MAX_ATTEMPTS
    recorded = OutboxEmail.objects.filter(pk=email.pk, next_attempt_at=lease_end).update(
        attempts=attempts,
        last_error=f"{type(error).__name__} at {timezone.localtime(now):%Y-%m-%d %H:%M}",
        next_attempt_at=None if gave_up else now + retry_delay(attempts),
    )
    logger.warning(
        "%s for enquiry %s failed (attempt %d%s): %s",
        email.get_kind_display(),
        email.enquiry.reference,
        attempts,
        ", giving up" if gave_up else "" if recorded else ", after its lease ran out",
        type(error).__name__,
    )
