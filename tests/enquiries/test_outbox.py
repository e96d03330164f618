"""
The emails an enquiry causes: who gets them, what they say and, above all, what
they leave out; and the outbox that makes sure they go, once each, even when the
mail server does not answer at the moment the patient presses Send.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from io import StringIO

import pytest
import time_machine

from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Site

from enquiries import outbox
from enquiries.models import EmailKind, Enquiry, OutboxEmail
from enquiries.tasks import send_email
from tests.enquiries.admin.conftest import enquiry_url
from tests.enquiries.builders import (
    CLINIC_INBOX,
    PATIENT_EMAIL,
    REFERENCE,
    REPLY_TARGET,
    STAFF_INBOX,
    configure_clinic_inboxes,
    outbox_of,
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


def next_tries(enquiry):
    return [email.next_attempt_at for email in outbox_of(enquiry).values()]


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

    emails = outbox_of(enquiry)
    assert set(emails) == {EmailKind.STAFF_ALERT, EmailKind.ACKNOWLEDGEMENT}
    for email in emails.values():
        assert email.sent_at is not None
        assert email.attempts == 0
        assert email.next_attempt_at is None


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
    emails = outbox_of(Enquiry.objects.get())
    assert list(emails) == [EmailKind.STAFF_ALERT]
    assert emails[EmailKind.STAFF_ALERT].sent_at is not None
    assert not OutboxEmail.objects.pending().exists()


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
    emails = outbox_of(enquiry)
    assert len(emails) == 2
    for email in emails.values():
        assert email.sent_at is None
        assert email.attempts == 1
        assert email.next_attempt_at > timezone.now()
        assert email.last_error.startswith("ConnectionRefusedError")
        assert "@" not in email.last_error
    assert patient_words_in(caplog.text) == []

    # Before their retry time the emails are left alone, even with the server back.
    settings.EMAIL_BACKEND = LOCMEM
    run_retry_command()
    assert mailoutbox == []

    with time_machine.travel(max(next_tries(enquiry)) + timedelta(seconds=1), tick=False):
        run_retry_command()
    assert len(staff_alerts(mailoutbox)) == 1
    assert len(acknowledgements(mailoutbox)) == 1
    for email in outbox_of(enquiry).values():
        assert email.sent_at is not None
        assert email.next_attempt_at is None

    with time_machine.travel(timezone.now() + timedelta(days=1), tick=False):
        run_retry_command()
    assert len(mailoutbox) == 2


def test_retrying_stops_after_the_maximum_attempts(inboxes, press_send, mailoutbox, settings):
    settings.ENQUIRIES_NOTIFICATION_MAX_ATTEMPTS = 2
    settings.EMAIL_BACKEND = REFUSING
    press_send()
    enquiry = Enquiry.objects.get()

    with time_machine.travel(max(next_tries(enquiry)) + timedelta(seconds=1), tick=False):
        run_retry_command()
    for email in outbox_of(enquiry).values():
        assert email.attempts == 2
        assert email.next_attempt_at is None
    assert OutboxEmail.objects.given_up().count() == 2

    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
        output = run_retry_command()
    assert output.startswith("Emails due: 0;")
    assert mailoutbox == []
    for email in outbox_of(enquiry).values():
        assert email.attempts == 2
        assert email.sent_at is None
        # Still in the admin, with the reason the email did not go.
        assert email.last_error.startswith("ConnectionRefusedError")


def test_retry_after_a_partial_failure_sends_only_what_is_missing(inboxes, press_send, mailoutbox, settings):
    settings.EMAIL_BACKEND = CLINIC_ONLY
    press_send()

    enquiry = Enquiry.objects.get()
    assert len(staff_alerts(mailoutbox)) == 1
    assert acknowledgements(mailoutbox) == []
    emails = outbox_of(enquiry)
    alert, ack = emails[EmailKind.STAFF_ALERT], emails[EmailKind.ACKNOWLEDGEMENT]
    assert alert.sent_at is not None
    assert (alert.attempts, ack.attempts) == (0, 1)
    assert ack.sent_at is None
    # smtplib's message names the refused address; the stored error must not.
    assert ack.last_error.startswith("SMTPRecipientsRefused")
    assert PATIENT_EMAIL not in ack.last_error

    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(ack.next_attempt_at + timedelta(seconds=1), tick=False):
        run_retry_command()

    assert len(staff_alerts(mailoutbox)) == 1
    assert len(acknowledgements(mailoutbox)) == 1
    ack.refresh_from_db()
    assert ack.sent_at is not None
    assert ack.next_attempt_at is None


def test_acknowledgement_left_unsent_by_a_stopped_worker_is_sent_by_the_command(
    inboxes, client, mailoutbox, django_capture_on_commit_callbacks
):
    # The queued tasks have not run: the worker is about to.
    with django_capture_on_commit_callbacks(execute=False):
        send_enquiry(client)
    enquiry = Enquiry.objects.get()
    # It sent the staff alert, recorded it, and was stopped (a deploy, a crash)
    # before the acknowledgement: no failure was recorded, so no retry time either.
    OutboxEmail.objects.filter(kind=EmailKind.STAFF_ALERT).update(
        sent_at=timezone.now(), next_attempt_at=None
    )

    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        run_retry_command()

    assert len(acknowledgements(mailoutbox)) == 1
    assert staff_alerts(mailoutbox) == []
    assert outbox_of(enquiry)[EmailKind.ACKNOWLEDGEMENT].sent_at is not None


def test_suspected_spam_is_kept_but_emails_nobody_now_or_later(inboxes, press_send, mailoutbox):
    press_send(message="Cheap pills http://a.example http://b.example https://c.example")

    enquiry = Enquiry.objects.get()
    assert enquiry.suspected_spam
    assert mailoutbox == []
    for email in outbox_of(enquiry).values():
        assert email.sent_at is None
        assert email.attempts == 0
    assert OutboxEmail.objects.held().count() == 2

    with time_machine.travel(timezone.now() + timedelta(hours=1), tick=False):
        output = run_retry_command()
    assert output.startswith("Emails due: 0;")
    assert mailoutbox == []


def test_suspected_spam_rescued_by_staff_gets_its_emails_on_the_next_run(
    inboxes, press_send, mailoutbox, admin_client
):
    press_send(message="Cheap pills http://a.example http://b.example https://c.example")
    enquiry = Enquiry.objects.get()

    admin_client.post(enquiry_url("not_spam", enquiry))
    output = run_retry_command()

    assert output == "Emails due: 2; sent: 2; not sent yet: 0\n"
    assert len(staff_alerts(mailoutbox)) == 1
    assert len(acknowledgements(mailoutbox)) == 1


def test_retry_command_reports_counts_never_content(inboxes, press_send, mailoutbox, settings):
    settings.EMAIL_BACKEND = REFUSING
    press_send()
    enquiry = Enquiry.objects.get()
    later = max(next_tries(enquiry)) + timedelta(seconds=1)

    with time_machine.travel(later, tick=False):
        still_failing = run_retry_command()
    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(later + timedelta(hours=1), tick=False):
        sent = run_retry_command()

    assert still_failing == "Emails due: 2; sent: 0; not sent yet: 2\n"
    assert sent == "Emails due: 2; sent: 2; not sent yet: 0\n"
    assert len(mailoutbox) == 2


def test_email_task_reports_whether_the_email_went(
    inboxes, client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        send_enquiry(client)
    assert len(queued) == 1
    alert = OutboxEmail.objects.get(kind=EmailKind.STAFF_ALERT)

    settings.EMAIL_BACKEND = REFUSING
    assert send_email.call(alert.pk) is False
    settings.EMAIL_BACKEND = LOCMEM
    # Before its retry time the email waits, as the failed attempt scheduled it.
    assert send_email.call(alert.pk) is False
    alert.refresh_from_db()
    with time_machine.travel(alert.next_attempt_at + timedelta(seconds=1), tick=False):
        assert send_email.call(alert.pk) is True
    assert len(staff_alerts(mailoutbox)) == 1
    # Already sent: nothing left to do, nothing sent twice.
    assert send_email.call(alert.pk) is True
    assert len(mailoutbox) == 1


def test_a_task_backend_that_stores_the_emails_takes_them_in_the_enquirys_own_transaction(
    inboxes, client, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=False) as after_the_commit:
        send_enquiry(client)

    # Nothing waits for the commit: the tasks were stored with the enquiry, one disk flush for both.
    assert after_the_commit == []
    queued = DBTaskResult.objects.filter(task_path="enquiries.tasks.send_email")
    assert sorted(task.args_kwargs["args"] for task in queued) == sorted(
        [email.pk] for email in outbox_of(Enquiry.objects.get()).values()
    )


def test_failed_task_queues_another_try_when_the_task_backend_can_defer(
    inboxes, client, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        send_enquiry(client)
    emails = outbox_of(Enquiry.objects.get())
    # The request only queued a task for each email, as in production.
    queued = DBTaskResult.objects.filter(task_path="enquiries.tasks.send_email")
    assert sorted(task.args_kwargs["args"] for task in queued) == sorted(
        [email.pk] for email in emails.values()
    )
    assert {email.attempts for email in emails.values()} == {0}
    alert = emails[EmailKind.STAFF_ALERT]
    first_tasks = list(queued.values_list("pk", flat=True))

    assert send_email.call(alert.pk) is False

    alert.refresh_from_db()
    retry = queued.exclude(pk__in=first_tasks).get()
    assert retry.args_kwargs == {"args": [alert.pk], "kwargs": {}}
    assert retry.run_after == alert.next_attempt_at


def test_suspected_spam_that_staff_move_on_without_rescuing_still_emails_nobody(
    inboxes, press_send, mailoutbox
):
    press_send(message="Cheap pills http://a.example http://b.example https://c.example")
    Enquiry.objects.update(status=Enquiry.Status.IN_PROGRESS)  # picked up, but not marked "Not spam"

    output = run_retry_command()

    assert output.startswith("Emails due: 0;")
    assert mailoutbox == []
    assert not Enquiry.objects.unanswered().exists()


def test_a_sender_that_outlived_its_lease_leaves_the_next_senders_record_alone(
    inboxes, client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        send_enquiry(client)
    alert = OutboxEmail.objects.get(kind=EmailKind.STAFF_ALERT)
    slow_lease = outbox.claim(alert.pk, timezone.now())
    # Its send hangs past the lease; another sender takes the email over and sends it.
    with time_machine.travel(slow_lease + timedelta(seconds=1), tick=False):
        assert outbox.send(alert.pk) is True

    outbox.record_failure(alert, ConnectionResetError(), slow_lease)

    alert.refresh_from_db()
    assert alert.sent_at is not None
    assert (alert.attempts, alert.next_attempt_at, alert.last_error) == (0, None, "")
    assert len(staff_alerts(mailoutbox)) == 1


def test_one_email_that_cannot_be_handled_does_not_stop_the_others(
    inboxes, client, mailoutbox, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=False):
        send_enquiry(client)
    alert = OutboxEmail.objects.get(kind=EmailKind.STAFF_ALERT)
    send = outbox.send

    def database_gone_for_the_alert(email_id):
        if email_id == alert.pk:
            # As a real one would, the error's text quotes the row.
            raise DatabaseError(f"could not write row ({PATIENT_EMAIL})")
        return send(email_id)

    monkeypatch.setattr(outbox, "send", database_gone_for_the_alert)
    output = run_retry_command()

    assert output == "Emails due: 2; sent: 1; not sent yet: 1\n"
    assert len(acknowledgements(mailoutbox)) == 1
    assert f"Outbox email {alert.pk} could not be sent: DatabaseError" in caplog.text
    assert patient_words_in(caplog.text) == []


def test_a_task_backend_that_refuses_the_emails_leaves_them_to_the_command(
    inboxes, client, settings, mailoutbox, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    class RefusedTask:
        get_backend = send_email.get_backend

        def enqueue(self, email_id):
            raise DatabaseError("the task table is locked")

    monkeypatch.setattr("enquiries.tasks.send_email", RefusedTask())
    with django_capture_on_commit_callbacks(execute=True):
        response = send_enquiry(client)

    assert response.status_code == 302 and "/enquiries/sent/" in response["Location"]
    enquiry = Enquiry.objects.get()
    assert not DBTaskResult.objects.filter(task_path="enquiries.tasks.send_email").exists()
    assert "the cron command will send them" in caplog.text
    assert enquiry.name not in caplog.text and enquiry.email not in caplog.text

    monkeypatch.undo()
    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        run_retry_command()
    assert len(staff_alerts(mailoutbox)) == 1 and len(acknowledgements(mailoutbox)) == 1
