"""
The two emails an enquiry can cause, and the bookkeeping that makes them reliable.

Neither email carries what the patient wrote: staff get the reference, the
urgency and a link to the admin; the patient gets the reference and what
happens next. Each email is recorded as sent only once it has gone, so a failure
leaves the rest to be retried, with a growing delay, by the task or by the
``send_enquiry_notifications`` command.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from clinic.models import ClinicSettings
from enquiries.models import Enquiry, EnquirySettings

logger = logging.getLogger(__name__)

RETRY_FIELDS = ["notification_attempts", "last_notification_error", "next_notification_at"]
CLAIM_LEASE = timedelta(minutes=10)
RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 60, 180, 360, 720)]


def retry_delay(attempts):
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def site_details():
    site = Site.objects.filter(is_default_site=True).first()
    clinic = ClinicSettings.for_site(site)
    return EnquirySettings.for_site(site), clinic


def staff_alert(enquiry, enquiry_settings, clinic):
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "enquiry_admin:inspect", args=[enquiry.pk]
    )
    subject = f"{'URGENT: ' if enquiry.urgent else ''}New enquiry {enquiry.reference}"
    body = render_to_string(
        "enquiries/emails/staff_alert.txt", {"enquiry": enquiry, "admin_url": admin_url, "clinic": clinic}
    )
    return EmailMessage(subject, body, to=[enquiry_settings.notification_email])


def patient_acknowledgement(enquiry, enquiry_settings, clinic):
    body = render_to_string(
        "enquiries/emails/patient_acknowledgement.txt",
        {"enquiry": enquiry, "settings": enquiry_settings, "clinic": clinic},
    )
    return EmailMessage(
        f"We have received your enquiry ({enquiry.reference})",
        body,
        to=[enquiry.email],
        # Replies reach the clinic's inbox rather than the no-reply sender.
        reply_to=[clinic.email],
    )


def claim(enquiry_id, now):
    """
    Take the enquiry's emails for the next few minutes, so that the worker and
    the retry command never send the same email twice at the same moment.

    The claim is a lease in ``next_notification_at``, taken by a single UPDATE
    rather than a row lock, so no transaction is held open while mail is sent.
    A sender that dies mid-way leaves a lease that runs out and is retried.
    """
    unclaimed = Q(next_notification_at__isnull=True) | Q(next_notification_at__lte=now)
    return (
        Enquiry.objects.filter(unclaimed, pk=enquiry_id).update(next_notification_at=now + CLAIM_LEASE) == 1
    )


def send_notifications(enquiry_id):
    """
    Send what is still unsent for the enquiry. Returns True when nothing is left.

    Safe to call again at any time, and from two processes at once: an email
    recorded as sent is not sent again.
    """
    enquiry = Enquiry.objects.filter(pk=enquiry_id).first()
    if enquiry is None or not enquiry.notifications_pending:
        return True
    if not claim(enquiry_id, timezone.now()):
        return False  # another sender holds it; its lease says when to look again
    enquiry.refresh_from_db()
    enquiry_settings, clinic = site_details()
    try:
        if enquiry.staff_alert_pending:
            staff_alert(enquiry, enquiry_settings, clinic).send()
            enquiry.staff_notified_at = timezone.now()
            enquiry.save(update_fields=["staff_notified_at", "updated_at"])
        if enquiry.patient_acknowledgement_pending:
            patient_acknowledgement(enquiry, enquiry_settings, clinic).send()
            enquiry.patient_notified_at = timezone.now()
            enquiry.save(update_fields=["patient_notified_at", "updated_at"])
    except Exception as error:  # noqa: BLE001 - any failure to send is retried later
        record_failure(enquiry, error)
        return False
    enquiry.next_notification_at = None
    enquiry.last_notification_error = ""
    enquiry.save(update_fields=["next_notification_at", "last_notification_error", "updated_at"])
    return True


def record_failure(enquiry, error):
    enquiry.notification_attempts += 1
    # The exception's class only: its text could quote an address.
    enquiry.last_notification_error = f"{type(error).__name__} at {timezone.now():%Y-%m-%d %H:%M}"
    enquiry.next_notification_at = (
        timezone.now() + retry_delay(enquiry.notification_attempts)
        if enquiry.notification_attempts < settings.ENQUIRIES_NOTIFICATION_MAX_ATTEMPTS
        else None
    )
    enquiry.save(update_fields=[*RETRY_FIELDS, "updated_at"])
    logger.warning(
        "Emails for enquiry %s failed (attempt %d): %s",
        enquiry.reference,
        enquiry.notification_attempts,
        type(error).__name__,
    )


def due_for_retry(now=None):
    """
    Enquiries with emails outstanding that are due: a retry time (or a dead
    sender's lease) that has passed, or never tried at all.
    """
    now = now or timezone.now()
    pending = (
        Enquiry.objects.filter(suspected_spam=False)
        .exclude(status=Enquiry.Status.SPAM)
        .filter(Q(staff_notified_at=None) | Q(patient_acknowledgement_wanted=True, patient_notified_at=None))
    )
    never_tried = Q(
        notification_attempts=0, next_notification_at=None, created_at__lte=now - timedelta(minutes=2)
    )
    return pending.filter(Q(next_notification_at__lte=now) | never_tried)
