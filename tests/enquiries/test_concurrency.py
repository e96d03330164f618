"""
Enquiries sent at the same moment, from threads with their own database
connections, released together by a barrier so that the requests overlap.

Transactional tests: every thread must see what the others commit, as separate
requests to the site would.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial
from io import StringIO

import pytest
import time_machine

from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client

from wagtail.models import Site

from enquiries.models import Enquiry, OutboxEmail
from enquiries.tasks import send_email
from tests.enquiries.builders import (
    PATIENT_EMAIL,
    STAFF_INBOX,
    configure_clinic_inboxes,
    outbox_of,
    patient_form_data,
    reference_shown,
    send_enquiry,
)

SENDERS = 20
# One client address for all, as from one household's connection or one double-clicking patient.
CLIENT_ADDRESS = "192.0.2.20"


@pytest.fixture
def clinic_live(demo_site_live, settings):
    """The demo site, committed, with a rate limit these tests will not reach."""
    configure_clinic_inboxes(Site.objects.get(is_default_site=True))
    settings.ENQUIRIES_RATE_LIMIT = "1000/600"
    cache.clear()


def all_at_once(jobs):
    """Run each job in a thread of its own, all released at the same moment; their results, in order."""
    barrier = threading.Barrier(len(jobs))

    def run(job):
        try:
            barrier.wait(timeout=30)
            return job()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(run, jobs))


def sender(data):
    """A job that presses Send with ``data``, from a browser of its own."""
    return lambda: send_enquiry(Client(), remote_addr=CLIENT_ADDRESS, **data)


def test_twenty_enquiries_at_once_are_all_stored(clinic_live, mailoutbox):
    treatments = ["", "osteopathy", "medical-acupuncture", "deep-tissue-massage"]
    forms = [
        patient_form_data(message=f"Enquiry number {number}", treatment=treatments[number % 4])
        for number in range(SENDERS)
    ]

    responses = all_at_once([sender(data) for data in forms])

    assert [response.status_code for response in responses] == [302] * SENDERS
    assert Enquiry.objects.count() == SENDERS
    assert sorted(Enquiry.objects.values_list("message", flat=True)) == sorted(d["message"] for d in forms)
    assert Enquiry.objects.values("reference").distinct().count() == SENDERS
    assert Enquiry.objects.filter(treatment__slug="osteopathy").count() == 5
    assert len([message for message in mailoutbox if message.to == [STAFF_INBOX]]) == SENDERS
    # Each enquiry was stored with its two emails in the outbox, each sent.
    assert OutboxEmail.objects.filter(sent_at__isnull=False).count() == 2 * SENDERS


def test_one_form_sent_twenty_times_at_once_is_stored_once(clinic_live, client, mailoutbox):
    data = patient_form_data()

    responses = all_at_once([sender(data)] * SENDERS)

    assert [response.status_code for response in responses] == [302] * SENDERS
    enquiry = Enquiry.objects.get()
    assert str(enquiry.submission_token) == data["token"]
    # Every sender is shown the one stored reference.
    assert {reference_shown(client, response) for response in responses} == {enquiry.reference}
    # One enquiry, so staff hear about it once and the patient once.
    assert [message.to for message in mailoutbox].count([STAFF_INBOX]) == 1
    assert [message.to for message in mailoutbox].count([PATIENT_EMAIL]) == 1
    assert OutboxEmail.objects.count() == 2


class SlowEmailBackend(LocmemEmailBackend):
    """Delivers like locmem after a real server's round trip, which is when a second sender can slip in."""

    def send_messages(self, messages):
        time.sleep(0.5)
        return super().send_messages(messages)


def test_worker_and_retry_command_at_once_alert_staff_only_once(clinic_live, client, mailoutbox, settings):
    settings.EMAIL_BACKEND = "tests.enquiries.builders.RefusingEmailBackend"
    send_enquiry(client)
    emails = list(outbox_of(Enquiry.objects.get()).values())
    assert [email.attempts for email in emails] == [1, 1]

    settings.EMAIL_BACKEND = f"{__name__}.SlowEmailBackend"
    latest_retry = max(email.next_attempt_at for email in emails)
    with time_machine.travel(latest_retry + timedelta(seconds=1), tick=False):
        all_at_once(
            [
                # the tasks the worker deferred, and cron
                *(partial(send_email.call, email.pk) for email in emails),
                lambda: call_command("send_enquiry_notifications", stdout=StringIO()),
            ]
        )

    assert [message.to for message in mailoutbox].count([STAFF_INBOX]) == 1
    assert [message.to for message in mailoutbox].count([PATIENT_EMAIL]) == 1
