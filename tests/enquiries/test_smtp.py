"""
The emails through a real SMTP conversation: Django's SMTP backend talking to
an aiosmtpd server on a loopback port, then to no server at all.
"""

from contextlib import contextmanager
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from enquiries.models import EmailKind, Enquiry
from tests.enquiries.builders import (
    CLINIC_INBOX,
    PATIENT_EMAIL,
    STAFF_INBOX,
    configure_clinic_inboxes,
    outbox_of,
    patient_words_in,
    reference_shown,
    send_enquiry,
)
from tests.ports import free_port_below_ephemeral_range


class RecordingHandler:
    """Keeps every message it is given; refuses the recipients it is told to, as a real server can."""

    def __init__(self, refuse=()):
        self.refuse = set(refuse)
        self.received = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(handler):
    """An SMTP server on a free loopback port for the length of the block; yields the port."""
    port = free_port_below_ephemeral_range()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(settings, site):
    configure_clinic_inboxes(site)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    return settings


def test_enquiry_emails_cross_a_real_smtp_server_and_a_dead_one_loses_nothing(
    smtp_settings, client, django_capture_on_commit_callbacks
):
    handler = RecordingHandler()
    with smtp_server(handler) as port:
        smtp_settings.EMAIL_PORT = port
        with django_capture_on_commit_callbacks(execute=True):
            first = send_enquiry(client)

        enquiry = Enquiry.objects.get()
        assert reference_shown(client, first) == enquiry.reference
        recipients = sorted(rcpt_tos[0] for _, rcpt_tos, _ in handler.received)
        assert recipients == sorted([STAFF_INBOX, PATIENT_EMAIL])
        assert {mail_from for mail_from, _, _ in handler.received} == {"noreply@clayhallosteopath.com"}
        [staff] = [message for _, rcpt_tos, message in handler.received if rcpt_tos == [STAFF_INBOX]]
        assert enquiry.reference in staff["Subject"]
        assert patient_words_in(staff.as_string()) == []
        [ack] = [message for _, rcpt_tos, message in handler.received if rcpt_tos == [PATIENT_EMAIL]]
        assert ack["Reply-To"] == CLINIC_INBOX
        del ack["To"]  # the one place the patient's address belongs
        assert patient_words_in(ack.as_string()) == []
        assert all(email.sent_at is not None for email in outbox_of(enquiry).values())

    # The server has gone: the patient still sees the normal confirmation.
    with django_capture_on_commit_callbacks(execute=True):
        second = send_enquiry(client)

    assert second.status_code == 302
    stored = Enquiry.objects.exclude(pk=enquiry.pk).get()
    assert reference_shown(client, second) == stored.reference
    emails = outbox_of(stored)
    assert len(emails) == 2
    for email in emails.values():
        assert email.sent_at is None
        assert email.attempts == 1
        assert email.next_attempt_at is not None
        assert email.last_error.startswith("ConnectionRefusedError")
    assert len(handler.received) == 2


def test_server_refusing_the_patients_address_leaves_only_the_acknowledgement_to_retry(
    smtp_settings, client, django_capture_on_commit_callbacks
):
    handler = RecordingHandler(refuse=[PATIENT_EMAIL])
    with smtp_server(handler) as port:
        smtp_settings.EMAIL_PORT = port
        with django_capture_on_commit_callbacks(execute=True):
            send_enquiry(client)

    emails = outbox_of(Enquiry.objects.get())
    alert, ack = emails[EmailKind.STAFF_ALERT], emails[EmailKind.ACKNOWLEDGEMENT]
    assert [rcpt_tos for _, rcpt_tos, _ in handler.received] == [[STAFF_INBOX]]
    assert alert.sent_at is not None
    assert ack.sent_at is None
    assert ack.next_attempt_at is not None
    # smtplib's exception quotes the refused address; what is stored names only its class.
    assert ack.last_error.startswith("SMTPRecipientsRefused")
    assert PATIENT_EMAIL not in ack.last_error
