"""
What each email about an enquiry says, built when it is sent.

No email carries what the patient wrote: staff get the reference, the urgency
and a link to the admin; the patient gets the reference and what happens next,
with replies going to the clinic's own address. A staff reply's text is in its
email only when staff chose that; otherwise the email says only that the clinic
has replied, with the secure link (``enquiries.replies``).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.models import Site

from clinic.models import ClinicSettings
from enquiries import replies
from enquiries.models import EmailKind, EnquirySettings, ReplyDelivery


def site_url(path):
    """An address on the site, for links in emails (the admin and the public pages share one host)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def admin_url(enquiry):
    return site_url(reverse("enquiry_admin:inspect", args=[enquiry.pk]))


def to_staff(subject, template, enquiry, enquiry_settings, clinic):
    """An email to the clinic's alert address: the reference and a link to the admin, nothing more."""
    body = render_to_string(template, {"enquiry": enquiry, "admin_url": admin_url(enquiry), "clinic": clinic})
    return EmailMessage(subject, body, to=[enquiry_settings.notification_email])


def staff_alert(email, enquiry_settings, clinic):
    enquiry = email.enquiry
    subject = f"{'URGENT: ' if enquiry.urgent else ''}New enquiry {enquiry.reference}"
    return to_staff(subject, "enquiries/emails/staff_alert.txt", enquiry, enquiry_settings, clinic)


def patient_acknowledgement(email, enquiry_settings, clinic):
    enquiry = email.enquiry
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


def reply(email, enquiry_settings, clinic):
    message, enquiry = email.message, email.enquiry
    link = site_url(reverse("enquiries:reply", args=[replies.link_token(message)]))
    body = render_to_string(
        "enquiries/emails/reply.txt",
        {
            "enquiry": enquiry,
            "message": message,
            "in_email": message.delivery == ReplyDelivery.EMAIL,
            "link": link,
            "link_expires_at": replies.link_expires_at(message),
            "clinic": clinic,
        },
    )
    return EmailMessage(
        f"{clinic.name} has replied to your enquiry ({enquiry.reference})",
        body,
        to=[enquiry.email],
        reply_to=[clinic.email],
    )


def patient_answer_alert(email, enquiry_settings, clinic):
    enquiry = email.enquiry
    subject = f"The patient replied: enquiry {enquiry.reference}"
    return to_staff(subject, "enquiries/emails/patient_answer_alert.txt", enquiry, enquiry_settings, clinic)


BUILDERS = {
    EmailKind.STAFF_ALERT: staff_alert,
    EmailKind.ACKNOWLEDGEMENT: patient_acknowledgement,
    EmailKind.REPLY: reply,
    EmailKind.PATIENT_REPLY_ALERT: patient_answer_alert,
}


def default_site():
    return Site.objects.filter(is_default_site=True).first()


def build(email):
    """The message for an outbox email, with the clinic's settings as they are now."""
    site = default_site()
    return BUILDERS[email.kind](email, EnquirySettings.for_site(site), ClinicSettings.for_site(site))


def access_code(enquiry, code, request):
    """
    The one-time code for the reply page, sent at once while the patient waits
    (a retry later would be useless: the code lasts minutes), to the enquiry's
    own address only.
    """
    clinic = ClinicSettings.for_request(request)
    body = render_to_string(
        "enquiries/emails/access_code.txt",
        {
            "enquiry": enquiry,
            "code": code,
            "minutes": settings.ENQUIRIES_ACCESS_CODE_MINUTES,
            "clinic": clinic,
        },
    )
    return EmailMessage(
        f"Your code to read our reply: {code}", body, to=[enquiry.email], reply_to=[clinic.email]
    )
