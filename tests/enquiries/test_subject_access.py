"""
`manage.py enquiries_for_person`: a person's right to a copy of everything the
clinic holds about them, and to have it deleted; both recorded in Wagtail's log
without repeating what they wrote.
"""

import json
from datetime import datetime, timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from enquiries import replies
from enquiries.models import Enquiry, EnquiryNote, ThreadMessage
from tests.enquiries.builders import (
    PATIENT_EMAIL,
    PATIENT_MESSAGE,
    PATIENT_NAME,
    PATIENT_PHONE,
    patient_words_in,
)
from tests.enquiries.factories import make_enquiry

pytestmark = pytest.mark.django_db

OTHER_EMAIL = "someone.else@example.com"


@pytest.fixture
def receptionist(django_user_model):
    return django_user_model.objects.create_user(username="reception-ann", password="x")


@pytest.fixture
def patient_enquiries(receptionist):
    """Two enquiries from the patient (one typed in capitals) with a note and some history."""
    first = make_enquiry(
        name=PATIENT_NAME,
        email=PATIENT_EMAIL,
        phone=PATIENT_PHONE,
        preferred_contact=Enquiry.ContactPreference.PHONE,
        message=PATIENT_MESSAGE,
        assignee=receptionist,
    )
    EnquiryNote.objects.create(enquiry=first, author=receptionist, text="Left a voicemail.")
    log(first, "wagtail.edit", user=receptionist)
    second = make_enquiry(name=PATIENT_NAME, email=PATIENT_EMAIL.upper(), message="Following up.")
    return [first, second]


@pytest.fixture
def other_enquiry():
    return make_enquiry(name="Someone Else", email=OTHER_EMAIL, message="Do you open on Saturdays?")


def run(*args, stdin=None):
    out = StringIO()
    call_command("enquiries_for_person", *args, stdout=out, stdin=stdin or StringIO())
    return out.getvalue()


def report_for(email):
    return json.loads(run("--email", email))


def references(report):
    return {enquiry["reference"] for enquiry in report["enquiries"]}


def log_entries(action):
    return ModelLogEntry.objects.filter(action=action)


def assert_log_holds_no_personal_data():
    for entry in ModelLogEntry.objects.all():
        assert patient_words_in(entry.label + json.dumps(entry.data)) == []


def test_report_lists_every_enquiry_from_the_address_in_any_case(patient_enquiries, other_enquiry):
    report = report_for("Sciatica-Flare-7731@Patient.Example")

    assert references(report) == {enquiry.reference for enquiry in patient_enquiries}
    assert other_enquiry.reference not in json.dumps(report)
    assert "Saturdays" not in json.dumps(report)


def test_report_holds_every_stored_field_with_notes_and_history(
    clinic_pages, patient_enquiries, receptionist
):
    treatment = clinic_pages[0]
    first = patient_enquiries[0]
    first.treatment = treatment
    first.save()

    report = report_for(PATIENT_EMAIL)
    record = next(item for item in report["enquiries"] if item["reference"] == first.reference)

    assert {field.name for field in Enquiry._meta.concrete_fields} <= record.keys()
    assert record["name"] == PATIENT_NAME
    assert record["phone"] == PATIENT_PHONE
    assert record["message"] == PATIENT_MESSAGE
    assert record["treatment"] == treatment.title
    assert record["assignee"] == "reception-ann"
    # ISO 8601, to the millisecond.
    assert abs(datetime.fromisoformat(record["created_at"]) - first.created_at) < timedelta(milliseconds=1)
    assert [(note["text"], note["author"]) for note in record["notes"]] == [
        ("Left a voicemail.", "reception-ann")
    ]
    assert datetime.fromisoformat(record["notes"][0]["created_at"])
    assert [(entry["action"], entry["user"]) for entry in record["history"]] == [
        ("wagtail.edit", "reception-ann")
    ]
    assert datetime.fromisoformat(record["history"][0]["timestamp"])


def test_report_is_recorded_against_each_enquiry_without_personal_data(patient_enquiries, other_enquiry):
    report_for(PATIENT_EMAIL)

    assert {entry.object_id for entry in log_entries("enquiries.subject_access")} == {
        str(enquiry.pk) for enquiry in patient_enquiries
    }
    assert_log_holds_no_personal_data()


def test_erase_without_input_deletes_the_persons_enquiries_and_notes_only(patient_enquiries, other_enquiry):
    EnquiryNote.objects.create(enquiry=other_enquiry, text="Sent the opening hours.")

    output = run("--email", PATIENT_EMAIL, "--erase", "--no-input")

    assert list(Enquiry.objects.all()) == [other_enquiry]
    assert list(EnquiryNote.objects.values_list("text", flat=True)) == ["Sent the opening hours."]
    assert "Enquiries deleted: 2; notes deleted: 1; messages deleted: 0." in output
    assert patient_words_in(output) == []


def test_erasure_is_recorded_against_each_enquiry_without_personal_data(patient_enquiries):
    run("--email", PATIENT_EMAIL, "--erase", "--no-input")

    erased = log_entries("enquiries.erase")
    assert {(entry.object_id, entry.label) for entry in erased} == {
        (str(enquiry.pk), enquiry.reference) for enquiry in patient_enquiries
    }
    assert all(entry.deleted for entry in erased)
    assert_log_holds_no_personal_data()


def test_erase_deletes_nothing_unless_the_operator_types_erase(patient_enquiries):
    output = run("--email", PATIENT_EMAIL, "--erase", stdin=StringIO("no\n"))

    assert Enquiry.objects.count() == 2
    assert EnquiryNote.objects.count() == 1
    assert "Enquiries to delete, with their notes and conversation: 2" in output
    assert "Type 'erase' to confirm" in output
    assert "Nothing was deleted." in output
    assert not log_entries("enquiries.erase").exists()


def test_erase_goes_ahead_once_confirmed(patient_enquiries):
    run("--email", PATIENT_EMAIL, "--erase", stdin=StringIO("erase\n"))

    assert not Enquiry.objects.exists()


def test_address_with_no_enquiries_is_answered_plainly(other_enquiry):
    output = run("--email", PATIENT_EMAIL)

    assert output == "No enquiries are held for that email address.\n"
    assert not log_entries("enquiries.subject_access").exists()


@pytest.mark.parametrize("email", ["", "not-an-address", "two@at@signs.example"])
def test_invalid_address_is_refused(email):
    with pytest.raises(CommandError, match="not a valid email address"):
        run("--email", email)


def test_report_includes_the_conversation_and_erasure_deletes_it(
    patient_enquiries, receptionist, other_enquiry
):
    first = patient_enquiries[0]
    reply = replies.send_reply(first, author=receptionist, text="Come in on Tuesday.", delivery="link")
    replies.record_patient_answer(first, "Tuesday suits me.")
    ThreadMessage.objects.filter(pk=reply.pk).update(read_at=timezone.now())
    replies.send_reply(other_enquiry, author=receptionist, text="We open at nine.", delivery="email")

    report = report_for(PATIENT_EMAIL)
    record = next(item for item in report["enquiries"] if item["reference"] == first.reference)
    conversation = [(item["from"], item["author"], item["text"]) for item in record["conversation"]]
    assert conversation == [
        ("clinic", "reception-ann", "Come in on Tuesday."),
        ("patient", None, "Tuesday suits me."),
    ]
    assert record["conversation"][0]["delivery"].startswith("By secure link")
    assert datetime.fromisoformat(record["conversation"][0]["read_at"])
    assert {item["kind"] for item in record["emails"]} >= {"Reply to the patient"}
    assert "We open at nine." not in json.dumps(report)

    output = run("--email", PATIENT_EMAIL, "--erase", "--no-input")

    assert "messages deleted: 2." in output
    assert list(ThreadMessage.objects.values_list("text", flat=True)) == ["We open at nine."]
    assert_log_holds_no_personal_data()
    logged = json.dumps([[entry.label, entry.data] for entry in ModelLogEntry.objects.all()])
    assert "Tuesday" not in logged
    assert "nine" not in logged
