"""
Helpers for the tests of what happens after "Send".

A patient whose words are distinctive enough to search for in every email and
log line, a valid form as the browser would post it, the clinic's inboxes, and
two stand-ins for an outgoing mail server that is down.
"""

import itertools
import re
import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend
from django.urls import reverse

from clinic.models import ClinicSettings
from enquiries.models import EnquirySettings, OutboxEmail
from tests.enquiries.factories import valid_form_data

STAFF_INBOX = "alerts@clinic.test"
CLINIC_INBOX = "reception@clinic.test"
REPLY_TARGET = "within two working days"

# What the patient types. None of it may appear in an email, a log line or the
# retry command's output; only the acknowledgement's To header carries the address.
PATIENT_NAME = "Zebediah Quennell"
PATIENT_EMAIL = "sciatica-flare-7731@patient.example"
PATIENT_PHONE = "020 7946 0123"
PATIENT_MESSAGE = "my left knee clicks loudly on stairs"
PATIENT_WORDS = [
    "Zebediah",
    "Quennell",
    "sciatica-flare-7731",
    "patient.example",
    PATIENT_PHONE,
    PATIENT_PHONE.replace(" ", ""),
    "2079460123",  # the digits of the number as stored (+442079460123)
    PATIENT_MESSAGE,
    "knee clicks",
]


def outbox_of(enquiry):
    """The enquiry's emails in the outbox, as stored now: ``{"staff_alert": ..., "acknowledgement": ...}``."""
    return {email.kind: email for email in OutboxEmail.objects.filter(enquiry=enquiry)}


def patient_words_in(text):
    """Which of the patient's words ``text`` gives away (none, we hope)."""
    return [word for word in PATIENT_WORDS if word.lower() in text.lower()]


REFERENCE = re.compile(r"CH-[0-9A-Z]{6}")

# Documentation addresses (RFC 3849), one per submission: see send_enquiry.
_client_addresses = (f"2001:db8::{number:x}" for number in itertools.count(1))


def patient_form_data(**fields):
    """The form as this patient fills it in; ``fields`` override."""
    typed = {"name": PATIENT_NAME, "email": PATIENT_EMAIL, "phone": PATIENT_PHONE, "message": PATIENT_MESSAGE}
    return valid_form_data(**{**typed, **fields})


def send_enquiry(client, remote_addr=None, **fields):
    """
    Press Send. Unless ``remote_addr`` is given, each call comes from an address
    of its own, so the per-client rate limit (shared by the whole test session
    through the cache) never decides a test about something else.
    """
    return client.post(
        reverse("enquiries:submit"),
        patient_form_data(**fields),
        REMOTE_ADDR=remote_addr or next(_client_addresses),
    )


def reference_shown(client, response):
    """The reference on the confirmation page the patient was redirected to."""
    assert response.status_code == 302, response.status_code
    page = client.get(response["Location"])
    assert page.status_code == 200
    return re.search(rf'class="reference">({REFERENCE.pattern})<', page.content.decode())[1]


def configure_clinic_inboxes(site, acknowledge_patients=True):
    """Staff alerts to STAFF_INBOX, the clinic's own address CLINIC_INBOX."""
    enquiry_settings = EnquirySettings.for_site(site)
    enquiry_settings.notification_email = STAFF_INBOX
    enquiry_settings.acknowledge_patients = acknowledge_patients
    enquiry_settings.reply_target = REPLY_TARGET
    enquiry_settings.save()
    clinic = ClinicSettings.for_site(site)
    clinic.email = CLINIC_INBOX
    clinic.save()


class RefusingEmailBackend(LocmemEmailBackend):
    """An outgoing mail server that is down: every send fails as a refused connection does."""

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


class ClinicOnlyEmailBackend(LocmemEmailBackend):
    """
    A mail server that delivers to the clinic's own domain but refuses the
    patient's address, as a real one does, with the address in the error.
    """

    def send_messages(self, messages):
        for message in messages:
            refused = [address for address in message.recipients() if not address.endswith("@clinic.test")]
            if refused:
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(refused, (550, b"5.1.1 Mailbox unavailable"))
                )
        return super().send_messages(messages)
