"""
`manage.py purge_enquiries`: the privacy notice's promise that closed enquiries
go 12 months after closing and spam 30 days after it arrived, while an enquiry
still being dealt with is never deleted; and that the purge leaves counts and
references behind, never what a patient wrote.
"""

import json
import logging
from datetime import timedelta
from io import StringIO

import pytest
import time_machine

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry, EnquiryNote, Outcome, Status
from tests.enquiries.builders import (
    PATIENT_EMAIL,
    PATIENT_MESSAGE,
    PATIENT_NAME,
    PATIENT_PHONE,
    patient_words_in,
)
from tests.enquiries.factories import make_enquiry

pytestmark = pytest.mark.django_db

PATIENT = {"name": PATIENT_NAME, "email": PATIENT_EMAIL, "phone": PATIENT_PHONE, "message": PATIENT_MESSAGE}


def received(days_ago, **fields):
    """An enquiry from the patient that arrived ``days_ago`` days ago."""
    return make_enquiry(**{**PATIENT, "created_at": timezone.now() - timedelta(days=days_ago), **fields})


def closed(days_ago, **fields):
    """An enquiry staff closed ``days_ago`` days ago, a week after it arrived."""
    with time_machine.travel(timezone.now() - timedelta(days=days_ago), tick=False):
        enquiry = received(7, **fields)
        enquiry.status = Status.CLOSED
        enquiry.outcome = Outcome.BOOKED
        enquiry.save()
    return enquiry


def purge(*args):
    out = StringIO()
    call_command("purge_enquiries", *args, stdout=out)
    return out.getvalue()


def exists(enquiry):
    return Enquiry.objects.filter(pk=enquiry.pk).exists()


def test_closed_enquiry_is_deleted_a_year_after_closing():
    expired = closed(days_ago=366)

    purge()

    assert not exists(expired)


def test_closed_enquiry_is_kept_for_a_year_after_closing():
    # Received well over a year ago; the clock starts at closing.
    recent = closed(days_ago=360, created_at=timezone.now() - timedelta(days=900))

    purge()

    assert exists(recent)


@pytest.mark.parametrize("status", [Status.NEW, Status.IN_PROGRESS, Status.WAITING])
def test_open_enquiry_is_kept_however_old(status):
    open_enquiry = received(days_ago=5 * 365, status=status)

    purge()

    assert exists(open_enquiry)


@pytest.mark.parametrize(
    "spam",
    [{"status": Status.SPAM}, {"suspected_spam": True}],
    ids=["marked as spam", "suspected spam"],
)
def test_spam_is_deleted_thirty_days_after_it_arrived(spam):
    old = received(days_ago=31, **spam)
    recent = received(days_ago=29, **spam)

    purge()

    assert not exists(old)
    assert exists(recent)


def test_suspected_spam_that_staff_picked_up_is_kept_as_a_real_enquiry():
    being_answered = received(days_ago=200, suspected_spam=True, status=Status.IN_PROGRESS)
    closed_recently = closed(days_ago=60, suspected_spam=True)

    purge()

    assert exists(being_answered)
    assert exists(closed_recently)


def test_enquiry_closed_without_a_closing_time_goes_a_year_after_its_last_change():
    # A bulk UPDATE skips save(), which is what stamps closed_at.
    enquiry = received(days_ago=400)
    Enquiry.objects.filter(pk=enquiry.pk).update(
        status=Status.CLOSED, outcome=Outcome.OTHER, updated_at=timezone.now() - timedelta(days=370)
    )

    purge()

    assert not exists(enquiry)


def test_retention_periods_come_from_the_settings(settings):
    settings.ENQUIRIES_RETENTION_DAYS = 90
    settings.ENQUIRIES_SPAM_RETENTION_DAYS = 7
    closed_long_enough = closed(days_ago=91)
    spam = received(days_ago=8, status=Status.SPAM)

    output = purge()

    assert not exists(closed_long_enough)
    assert not exists(spam)
    assert "older than 90 days deleted: 1" in output
    assert "older than 7 days deleted: 1" in output


def test_notes_are_deleted_with_their_enquiry():
    enquiry = closed(days_ago=400)
    EnquiryNote.objects.create(enquiry=enquiry, text="Patient booked for Tuesday.")
    kept = closed(days_ago=10)
    kept_note = EnquiryNote.objects.create(enquiry=kept, text="Call back after the scan.")

    purge()

    assert list(EnquiryNote.objects.all()) == [kept_note]


def test_dry_run_deletes_nothing_and_reports_how_many_would_go_by_kind():
    enquiries = [closed(days_ago=400), closed(days_ago=500), received(days_ago=40, status=Status.SPAM)]

    output = purge("--dry-run")

    assert all(exists(enquiry) for enquiry in enquiries)
    assert "older than 365 days would be deleted: 2" in output
    assert "spam older than 30 days would be deleted: 1" in output
    assert not ModelLogEntry.objects.filter(action="enquiries.purge").exists()


def test_each_deletion_is_logged_with_its_reason_and_no_personal_data():
    expired = closed(days_ago=400)
    spam = received(days_ago=40, suspected_spam=True)

    purge()

    entries = {entry.object_id: entry for entry in ModelLogEntry.objects.filter(action="enquiries.purge")}
    assert entries.keys() == {str(expired.pk), str(spam.pk)}
    assert entries[str(expired.pk)].label == expired.reference
    assert entries[str(expired.pk)].data == {"reason": "retention"}
    assert entries[str(spam.pk)].data == {"reason": "spam"}
    assert all(entry.deleted and entry.user is None for entry in entries.values())
    for entry in ModelLogEntry.objects.all():
        assert patient_words_in(entry.label + json.dumps(entry.data)) == []


def test_output_and_log_lines_give_counts_never_content(caplog):
    expired = closed(days_ago=400)
    received(days_ago=40, status=Status.SPAM)

    with caplog.at_level(logging.INFO, logger="enquiries"):
        output = purge() + purge("--dry-run")

    log_lines = [record.getMessage() for record in caplog.records if record.name.startswith("enquiries")]
    assert log_lines == [
        "Purged enquiries: 1 closed past retention, 1 spam.",
        "Would purge enquiries: 0 closed past retention, 0 spam.",
    ]
    assert patient_words_in(output + caplog.text) == []
    assert expired.reference not in output + caplog.text
