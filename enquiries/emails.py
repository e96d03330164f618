"""
What each email about an enquiry says, built when it is sent.

Neither email carries what the patient wrote: staff get the reference, the
urgency and a link to the admin; the patient gets the reference and what
happens next, with replies going to the clinic's own address.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.models import Site

from clinic.models import ClinicSettings
from enquiries.models import EmailKind, EnquirySettings


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


BUILDERS = {EmailKind.STAFF_ALERT: staff_alert, EmailKind.ACKNOWLEDGEMENT: patient_acknowledgement}


def build(email):
    """The message for an outbox email, with the clinic's settings as they are now."""
    site = Site.objects.filter(is_default_site=True).first()
    return BUILDERS[email.kind](email.enquiry, EnquirySettings.for_site(site), ClinicSettings.for_site(site))
