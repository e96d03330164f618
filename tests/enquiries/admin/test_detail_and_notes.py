"""The detail view: everything the patient sent, notification status, history, and internal notes."""

import re
from datetime import UTC, datetime

import pytest
import time_machine

from django.contrib.auth.models import Group, Permission

from wagtail.models import ModelLogEntry

from enquiries.models import NOTE_MAX_LENGTH, EmailKind, Enquiry, OutboxEmail
from tests.enquiries.admin.conftest import enquiry_url
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def enquiry(db):
    with time_machine.travel(RECEIVED, tick=False):
        return make_enquiry(
            name="Eustace Pilbeam",
            email="eustace@patient.example",
            phone="020 7946 0789",
            preferred_contact=Enquiry.ContactPreference.PHONE,
            treatment_title="Medical acupuncture",
            message="Tennis elbow for a month.\nWorse in the mornings.",
            source_url="/treatments/medical-acupuncture/",
            privacy_notice_version="2.1",
            urgent=True,
        )


@pytest.fixture
def emails(enquiry):
    """The staff alert went at 9:01; the acknowledgement failed twice and waits for its next try."""
    OutboxEmail.objects.create(
        enquiry=enquiry, kind=EmailKind.STAFF_ALERT, sent_at=datetime(2026, 3, 2, 9, 1, tzinfo=UTC)
    )
    OutboxEmail.objects.create(
        enquiry=enquiry,
        kind=EmailKind.ACKNOWLEDGEMENT,
        attempts=2,
        next_attempt_at=datetime(2026, 3, 2, 9, 20, tzinfo=UTC),
        last_error="SMTPServerDisconnected at 2026-03-02 09:05",
    )


def test_inspect_shows_everything_the_patient_sent(reception_client, enquiry):
    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    for value in (
        enquiry.reference,
        "Eustace Pilbeam",
        "eustace@patient.example",
        '<a href="tel:+442079460789">020 7946 0789</a>',
        "Phone",
        "Medical acupuncture",
        "<p>Tennis elbow for a month.<br>Worse in the mornings.</p>",
        "/treatments/medical-acupuncture/",
        "2.1",
        "2 Mar 2026, 9 a.m.",
        "Yes: the patient said an urgent warning sign applies",
    ):
        assert value in content, value


def test_inspect_shows_how_each_email_about_it_went(reception_client, enquiry, emails):
    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()
    section = content.split('id="emails-heading"', 1)[1].split("</section>", 1)[0]

    assert "Alert to staff" in section
    assert "Sent, 2 Mar 2026, 9:01 a.m." in section
    assert "Acknowledgement to the patient" in section
    assert "Waiting to be retried; next try 2 Mar 2026, 9:20 a.m." in section
    assert "<td>2</td>" in section
    assert "SMTPServerDisconnected at 2026-03-02 09:05" in section


def test_inspect_says_the_emails_about_suspected_spam_are_held(reception_client):
    spam = make_enquiry(suspected_spam=True)
    OutboxEmail.objects.create(enquiry=spam, kind=EmailKind.STAFF_ALERT, next_attempt_at=spam.created_at)

    content = reception_client.get(enquiry_url("inspect", spam)).content.decode()

    assert "Held while the enquiry counts as spam" in content.split('id="emails-heading"', 1)[1]


def test_inspect_warns_of_an_urgent_enquiry(reception_client, enquiry):
    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    assert "<strong>Urgent:</strong>" in content


def test_inspect_shows_an_urgent_tag_for_an_urgent_enquiry_only(reception_client, enquiry):
    calm = make_enquiry()

    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()
    calm_content = reception_client.get(enquiry_url("inspect", calm)).content.decode()

    assert re.search(r'<p class="enquiry-urgent">\s*<span class="w-status[^"]*">\s*Urgent\s*</span>', content)
    assert 'class="enquiry-urgent"' not in calm_content
    assert '<link rel="stylesheet" href="/static/enquiries/css/inbox.css">' in content


def test_staff_add_a_note_shown_with_author_and_time(reception_client, enquiry):
    with time_machine.travel(datetime(2026, 3, 2, 14, 7, tzinfo=UTC), tick=False):
        response = reception_client.post(
            enquiry_url("add_note", enquiry), {"text": "Rang, no answer."}, follow=True
        )

    assert response.redirect_chain == [(enquiry_url("inspect", enquiry), 302)]
    content = response.content.decode()
    assert "Note added." in content
    assert "<strong>Rita Reception</strong>, 2 Mar 2026, 2:07 p.m." in content
    assert "Rang, no answer." in content


def test_notes_are_listed_oldest_first(reception_client, enquiry):
    for hour, text in ((11, "First call"), (10, "Earlier call")):
        with time_machine.travel(datetime(2026, 3, 3, hour, tzinfo=UTC), tick=False):
            reception_client.post(enquiry_url("add_note", enquiry), {"text": text})

    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    assert content.index("Earlier call") < content.index("First call")


def test_a_note_is_logged_without_its_text(reception_client, reception, enquiry):
    reception_client.post(enquiry_url("add_note", enquiry), {"text": "Mentions her sciatica"})

    note = enquiry.notes.get()
    entry = ModelLogEntry.objects.for_instance(enquiry).get(action="enquiries.note")
    assert entry.user == reception
    assert entry.data == {"note_id": note.pk}
    assert "sciatica" not in str(ModelLogEntry.objects.values_list("data", "label"))


def test_an_empty_note_is_refused_with_a_message(reception_client, enquiry):
    response = reception_client.post(enquiry_url("add_note", enquiry), {"text": ""}, follow=True)

    assert "Write the note before adding it" in response.content.decode()
    assert not enquiry.notes.exists()


def test_an_overlong_note_is_refused(reception_client, enquiry):
    reception_client.post(enquiry_url("add_note", enquiry), {"text": "x" * (NOTE_MAX_LENGTH + 1)})

    assert not enquiry.notes.exists()


def test_a_note_from_a_former_member_of_staff_is_still_shown(reception_client, enquiry):
    leaver = make_user("leaver", groups=["Reception"])
    enquiry.notes.create(author=leaver, text="Sent the leaflet")
    leaver.delete()

    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    assert "A former member of staff" in content
    assert "Sent the leaflet" in content


def test_first_view_by_reception_stamps_first_opened(reception_client, enquiry):
    opened = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    with time_machine.travel(opened, tick=False):
        reception_client.get(enquiry_url("inspect", enquiry))
    with time_machine.travel(datetime(2026, 3, 3, 10, 0, tzinfo=UTC), tick=False):
        reception_client.get(enquiry_url("inspect", enquiry))

    enquiry.refresh_from_db()
    assert enquiry.first_opened_at == opened


def test_a_view_by_someone_who_cannot_change_it_does_not_count_as_opened(client, enquiry):
    group = Group.objects.create(name="Auditors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_enquiry")
    )
    client.force_login(make_user("auditor", groups=["Auditors"]))

    assert client.get(enquiry_url("inspect", enquiry)).status_code == 200

    enquiry.refresh_from_db()
    assert enquiry.first_opened_at is None


def test_editing_does_not_count_as_opening(reception_client, enquiry):
    reception_client.get(enquiry_url("edit", enquiry))

    enquiry.refresh_from_db()
    assert enquiry.first_opened_at is None
