"""
The emails an enquiry causes: who gets them, what they say and, above all, what
they leave out; and the retry that makes sure they go even when the mail
server does not answer at the moment the patient presses Send.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from io import StringIO

import pytest
import time_machine

from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from enquiries.models import Enquiry
from enquiries.tasks import notify_about_enquiry
from tests.enquiries.builders import (
    CLINIC_INBOX,
    PATIENT_EMAIL,
    REFERENCE,
    REPLY_TARGET,
    STAFF_INBOX,
    configure_clinic_inboxes,
    patient_words_in,
    reference_shown,
    send_enquiry,
)

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
REFUSING = "tests.enquiries.builders.RefusingEmailBackend"
CLINIC_ONLY = "tests.enquiries.builders.ClinicOnlyEmailBackend"


@pytest.fixture
def inboxes(site):
    configure_clinic_inboxes(site)
    return site


@pytest.fixture
def press_send(client, django_capture_on_commit_callbacks):
    """
    Send an enquiry and run what the view left for after the commit, as a real
    request does (the test's own transaction would otherwise hold it back).
    """

    def press(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return send_enquiry(client, **fields)

    return press


def staff_alerts(outbox):
    return [message for message in outbox if message.to == [STAFF_INBOX]]


def acknowledgements(outbox):
    return [message for message in outbox if message.to == [PATIENT_EMAIL]]


def run_retry_command():
    out = StringIO()
    call_command("send_enquiry_notifications", stdout=out)
    return out.getvalue()


def test_valid_enquiry_alerts_staff_once_and_acknowledges_the_patient(
    inboxes, client, press_send, mailoutbox, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.clinic.test/"

    response = press_send()

    enquiry = Enquiry.objects.get()
    assert reference_shown(client, response) == enquiry.reference
    assert len(mailoutbox) == 2

    [alert] = staff_alerts(mailoutbox)
    assert alert.subject == f"New enquiry {enquiry.reference}"
    assert enquiry.reference in alert.body
    admin_url = "https://admin.clinic.test" + reverse("enquiry_admin:inspect", args=[enquiry.pk])
    assert admin_url in alert.body
    assert "URGENT" not in alert.body

    [ack] = acknowledgements(mailoutbox)
    assert enquiry.reference in ack.subject
    assert enquiry.reference in ack.body
    assert f"We will reply {REPLY_TARGET}" in ack.body
    assert ack.reply_to == [CLINIC_INBOX]

    assert enquiry.staff_notified_at is not None
    assert enquiry.patient_notified_at is not None
    assert enquiry.notification_attempts == 0
    assert enquiry.next_notification_at is None


def test_urgent_enquiry_alert_says_urgent_first(inboxes, press_send, mailoutbox):
    press_send(warning_sign="yes")

    enquiry = Enquiry.objects.get()
    [alert] = staff_alerts(mailoutbox)
    assert enquiry.urgent
    assert alert.subject == f"URGENT: New enquiry {enquiry.reference}"
    assert alert.body.startswith("URGENT")


@pytest.mark.parametrize("warning_sign", ["no", "yes"])
def test_emails_carry_none_of_the_patients_words(inboxes, press_send, mailoutbox, warning_sign):
    press_send(warning_sign=warning_sign, preferred_contact="phone")

    assert len(mailoutbox) == 2
    for message in mailoutbox:
        assert patient_words_in(message.subject) == []
        assert patient_words_in(message.body) == []
        as_sent = message.message()
        if message.to == [PATIENT_EMAIL]:
            del as_sent["To"]  # the one place the patient's address belongs
        assert patient_words_in(as_sent.as_string()) == []
    [alert] = staff_alerts(mailoutbox)
    assert alert.reply_to == []
    assert "Reply-To" not in alert.message()


def test_no_acknowledgement_when_the_clinic_switched_it_off(site, press_send, mailoutbox):
    configure_clinic_inboxes(site, acknowledge_patients=False)

    press_send()

    assert [message.to for message in mailoutbox] == [[STAFF_INBOX]]
    enquiry = Enquiry.objects.get()
    assert enquiry.staff_notified_at is not None
    assert enquiry.patient_notified_at is None
    assert not enquiry.notifications_pending


# Filled by CommitCheckingEmailBackend: (reference, row visible to another connection, in a transaction).
sends_seen = []


def _committed_elsewhere(reference):
    try:
        return Enquiry.objects.filter(reference=reference).exists()
    finally:
        connection.close()


class CommitCheckingEmailBackend(LocmemEmailBackend):
    """
    Before delivering, looks for the enquiry from a second database connection
    (a new thread gets one of its own). Only a committed row is visible there, so
    this shows that no email is attempted while the enquiry could still be rolled
    back. It also notes whether the sending code runs inside a transaction: an
    email sent from inside one could announce an enquiry that never gets stored.
    """

    def send_messages(self, messages):
        for message in messages:
            reference = REFERENCE.search(message.subject)[0]
            with ThreadPoolExecutor(max_workers=1) as other_thread:
                visible = other_thread.submit(_committed_elsewhere, reference).result()
            sends_seen.append((reference, visible, transaction.get_connection().in_atomic_block))
        return super().send_messages(messages)


def test_enquiry_is_committed_before_any_email_is_attempted(wagtail_tree, client, mailoutbox, settings):
    configure_clinic_inboxes(Site.objects.get(is_default_site=True))
    settings.EMAIL_BACKEND = f"{__name__}.CommitCheckingEmailBackend"
    sends_seen.clear()

    send_enquiry(client)

    reference = Enquiry.objects.get().reference
    assert sends_seen == [(reference, True, False), (reference, True, False)]
    assert len(mailoutbox) == 2


def test_mail_server_down_patient_sees_success_and_emails_follow_later(
    inboxes, client, press_send, mailoutbox, settings, caplog
):
    settings.EMAIL_BACKEND = REFUSING

    with caplog.at_level(logging.DEBUG):
        response = press_send()

    enquiry = Enquiry.objects.get()
    assert reference_shown(client, response) == enquiry.reference
    assert mailoutbox == []
    assert enquiry.staff_notified_at is None
    assert enquiry.patient_notified_at is None
    assert enquiry.notification_attempts == 1
    assert enquiry.next_notification_at > timezone.now()
    assert enquiry.last_notification_error.startswith("ConnectionRefusedError")
    assert "@" not in enquiry.last_notification_error
    assert patient_words_in(caplog.text) == []

    # Before its retry time the enquiry is left alone, even with the server back.
    settings.EMAIL_BACKEND = LOCMEM
    run_retry_command()
    assert mailoutbox == []

    with time_machine.travel(enquiry.next_notification_at + timedelta(seconds=1), tick=False):
        run_retry_command()
    enquiry.refresh_from_db()
    assert len(staff_alerts(mailoutbox)) == 1
    assert len(acknowledgements(mailoutbox)) == 1
    assert enquiry.staff_notified_at is not None
    assert enquiry.patient_notified_at is not None
    assert enquiry.next_notification_at is None

    with time_machine.travel(timezone.now() + timedelta(days=1), tick=False):
        run_retry_command()
    assert len(mailoutbox) == 2


def test_retrying_stops_after_the_maximum_attempts(inboxes, press_send, mailoutbox, settings):
    settings.ENQUIRIES_NOTIFICATION_MAX_ATTEMPTS = 2
    settings.EMAIL_BACKEND = REFUSING
    press_send()
    enquiry = Enquiry.objects.get()

    with time_machine.travel(enquiry.next_notification_at + timedelta(seconds=1), tick=False):
        run_retry_command()
    enquiry.refresh_from_db()
    assert enquiry.notification_attempts == 2
    assert enquiry.next_notification_at is None

    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
        output = run_retry_command()
    enquiry.refresh_from_db()
    assert output.startswith("Enquiries due: 0;")
    assert mailoutbox == []
    assert enquiry.notification_attempts == 2
    assert enquiry.staff_notified_at is None
    # Still in the admin, with the reason the emails did not go.
    assert enquiry.last_notification_error.startswith("ConnectionRefusedError")


def test_retry_after_a_partial_failure_sends_only_what_is_missing(inboxes, press_send, mailoutbox, settings):
    settings.EMAIL_BACKEND = CLINIC_ONLY
    press_send()

    enquiry = Enquiry.objects.get()
    assert len(staff_alerts(mailoutbox)) == 1
    assert acknowledgements(mailoutbox) == []
    assert enquiry.staff_notified_at is not None
    assert enquiry.patient_notified_at is None
    assert enquiry.notification_attempts == 1
    # smtplib's message names the refused address; the stored error must not.
    assert enquiry.last_notification_error.startswith("SMTPRecipientsRefused")
    assert PATIENT_EMAIL not in enquiry.last_notification_error

    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(enquiry.next_notification_at + timedelta(seconds=1), tick=False):
        run_retry_command()

    enquiry.refresh_from_db()
    assert len(staff_alerts(mailoutbox)) == 1
    assert len(acknowledgements(mailoutbox)) == 1
    assert enquiry.patient_notified_at is not None
    assert enquiry.next_notification_at is None


def test_acknowledgement_left_unsent_by_a_stopped_worker_is_sent_by_the_command(
    inboxes, client, mailoutbox, django_capture_on_commit_callbacks
):
    # The queued task has not run: the worker is about to.
    with django_capture_on_commit_callbacks(execute=False):
        send_enquiry(client)
    enquiry = Enquiry.objects.get()
    # It sent the staff alert, recorded it, and was stopped (a deploy, a crash)
    # before the acknowledgement: no failure was recorded, so no retry time either.
    Enquiry.objects.filter(pk=enquiry.pk).update(staff_notified_at=timezone.now())

    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        run_retry_command()

    enquiry.refresh_from_db()
    assert len(acknowledgements(mailoutbox)) == 1
    assert staff_alerts(mailoutbox) == []
    assert enquiry.patient_notified_at is not None


def test_suspected_spam_is_kept_but_emails_nobody_now_or_later(inboxes, press_send, mailoutbox):
    press_send(message="Cheap pills http://a.example http://b.example https://c.example")

    enquiry = Enquiry.objects.get()
    assert enquiry.suspected_spam
    assert mailoutbox == []
    assert enquiry.staff_notified_at is None
    assert enquiry.notification_attempts == 0

    with time_machine.travel(timezone.now() + timedelta(hours=1), tick=False):
        output = run_retry_command()
    assert output.startswith("Enquiries due: 0;")
    assert mailoutbox == []


def test_retry_command_reports_counts_never_content(inboxes, press_send, mailoutbox, settings):
    settings.EMAIL_BACKEND = REFUSING
    press_send()
    enquiry = Enquiry.objects.get()
    later = enquiry.next_notification_at + timedelta(seconds=1)

    with time_machine.travel(later, tick=False):
        still_failing = run_retry_command()
    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(later + timedelta(hours=1), tick=False):
        sent = run_retry_command()

    assert still_failing == "Enquiries due: 1; emails completed: 0; still failing: 1\n"
    assert sent == "Enquiries due: 1; emails completed: 1; still failing: 0\n"
    assert len(mailoutbox) == 2


def test_notification_task_reports_whether_the_emails_went(
    inboxes, client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        send_enquiry(client)
    assert len(queued) == 1
    enquiry = Enquiry.objects.get()

    settings.EMAIL_BACKEND = REFUSING
    assert notify_about_enquiry.call(enquiry.pk) is False
    settings.EMAIL_BACKEND = LOCMEM
    # Before its retry time the enquiry stays claimed by the failed attempt's schedule.
    assert notify_about_enquiry.call(enquiry.pk) is False
    enquiry.refresh_from_db()
    with time_machine.travel(enquiry.next_notification_at + timedelta(seconds=1), tick=False):
        assert notify_about_enquiry.call(enquiry.pk) is True
    assert len(mailoutbox) == 2
    # Already sent: nothing left to do, nothing sent twice.
    assert notify_about_enquiry.call(enquiry.pk) is True
    assert len(mailoutbox) == 2


def test_failed_task_queues_another_try_when_the_task_backend_can_defer(
    inboxes, client, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        send_enquiry(client)
    enquiry = Enquiry.objects.get()
    # The request only queued the task, as in production.
    queued = DBTaskResult.objects.filter(task_path="enquiries.tasks.notify_about_enquiry")
    [first] = queued
    assert first.args_kwargs == {"args": [enquiry.pk], "kwargs": {}}
    assert enquiry.notification_attempts == 0

    assert notify_about_enquiry.call(enquiry.pk) is False

    enquiry.refresh_from_db()
    retry = queued.exclude(pk=first.pk).get()
    assert retry.args_kwargs == {"args": [enquiry.pk], "kwargs": {}}
    assert retry.run_after == enquiry.next_notification_at
