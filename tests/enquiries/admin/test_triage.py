"""Triage: staff change only status, outcome and assignee, and the timestamps follow the status."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry
from tests.enquiries.admin.conftest import enquiry_url
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def enquiry(db):
    with time_machine.travel(RECEIVED, tick=False):
        return make_enquiry(name="Dorothea Finch", message="Neck pain after a long drive.")


def triage(client, enquiry, status, outcome="", assignee=""):
    return client.post(
        enquiry_url("edit", enquiry), {"status": status, "outcome": outcome, "assignee": assignee}
    )


def test_edit_form_holds_only_the_triage_fields(reception_client, enquiry):
    response = reception_client.get(enquiry_url("edit", enquiry))

    assert list(response.context["form"].fields) == ["status", "outcome", "assignee"]
    content = response.content.decode()
    assert 'name="status"' in content
    assert 'name="message"' not in content
    assert 'name="email"' not in content


def test_posting_what_the_patient_wrote_changes_nothing(reception_client, enquiry):
    response = reception_client.post(
        enquiry_url("edit", enquiry),
        {
            "status": "in_progress",
            "outcome": "",
            "assignee": "",
            "name": "Someone Else",
            "email": "else@example.com",
            "phone": "0000",
            "message": "Rewritten",
            "urgent": "on",
            "created_at": "2020-01-01 00:00",
            "reference": "CH-000000",
        },
    )

    assert response.status_code == 302
    stored = Enquiry.objects.get(pk=enquiry.pk)
    assert stored.status == Enquiry.Status.IN_PROGRESS
    assert (stored.name, stored.email, stored.phone, stored.message) == (
        "Dorothea Finch",
        "ada@example.com",
        "",
        "Neck pain after a long drive.",
    )
    assert stored.urgent is False
    assert stored.reference == enquiry.reference
    assert stored.created_at == RECEIVED


def test_assignee_can_be_set_to_a_member_of_reception(reception_client, reception, enquiry):
    triage(reception_client, enquiry, "in_progress", assignee=reception.pk)

    enquiry.refresh_from_db()
    assert enquiry.assignee == reception


def test_assignee_choices_hold_only_staff_who_handle_enquiries(reception_client, reception, enquiry):
    editor = make_user("eddie", groups=["Editors"])

    field = reception_client.get(enquiry_url("edit", enquiry)).context["form"].fields["assignee"]

    assert reception in field.queryset
    assert editor not in field.queryset
    triage(reception_client, enquiry, "in_progress", assignee=editor.pk)
    enquiry.refresh_from_db()
    assert enquiry.assignee is None


def test_in_progress_is_not_an_answer(reception_client, enquiry):
    triage(reception_client, enquiry, "in_progress")

    enquiry.refresh_from_db()
    assert enquiry.first_answered_at is None
    assert enquiry.closed_at is None


def test_waiting_for_patient_stamps_first_answered(reception_client, enquiry):
    answered = RECEIVED + timedelta(hours=3)
    with time_machine.travel(answered, tick=False):
        triage(reception_client, enquiry, "waiting")

    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.WAITING
    assert enquiry.first_answered_at == answered
    assert enquiry.closed_at is None


def test_closing_stamps_closed_and_first_answered(reception_client, enquiry):
    closed = RECEIVED + timedelta(hours=5)
    with time_machine.travel(closed, tick=False):
        response = triage(reception_client, enquiry, "closed", outcome="booked")

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.outcome == Enquiry.Outcome.BOOKED
    assert enquiry.closed_at == closed
    assert enquiry.first_answered_at == closed


def test_the_edit_form_can_close_with_the_emergency_care_outcome(reception_client, enquiry):
    choices = reception_client.get(enquiry_url("edit", enquiry)).context["form"].fields["outcome"].choices
    assert ("emergency_care", "Advised emergency care (999, A&E or 111)") in choices

    response = triage(reception_client, enquiry, "closed", outcome="emergency_care")

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.outcome) == (Enquiry.Status.CLOSED, Enquiry.Outcome.EMERGENCY_CARE)


def test_first_answered_keeps_the_first_reply(reception_client, enquiry):
    first = RECEIVED + timedelta(hours=1)
    with time_machine.travel(first, tick=False):
        triage(reception_client, enquiry, "waiting")
    with time_machine.travel(first + timedelta(days=1), tick=False):
        triage(reception_client, enquiry, "in_progress")
        triage(reception_client, enquiry, "closed", outcome="no_reply")

    enquiry.refresh_from_db()
    assert enquiry.first_answered_at == first
    assert enquiry.closed_at == first + timedelta(days=1)


def test_closing_without_an_outcome_is_refused(reception_client, enquiry):
    response = triage(reception_client, enquiry, "closed")

    assert response.status_code == 200
    assert response.context["form"].errors
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.closed_at is None


def test_closing_without_an_outcome_says_an_outcome_is_needed(reception_client, enquiry):
    response = triage(reception_client, enquiry, "closed")

    messages = [str(error) for errors in response.context["form"].errors.values() for error in errors]
    assert not any("Constraint" in message for message in messages)
    assert any("outcome" in message.lower() for message in messages)
    assert "enquiry_closed_with_outcome" not in response.content.decode()


def test_reopening_clears_closed_at_and_outcome(reception_client, enquiry):
    triage(reception_client, enquiry, "closed", outcome="not_suitable")
    enquiry.refresh_from_db()
    first_answered = enquiry.first_answered_at

    triage(reception_client, enquiry, "in_progress", outcome="not_suitable")

    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.IN_PROGRESS
    assert enquiry.closed_at is None
    assert enquiry.outcome == ""
    assert enquiry.first_answered_at == first_answered


def test_a_change_is_logged_against_the_user(reception_client, reception, enquiry):
    triage(reception_client, enquiry, "in_progress")

    entry = ModelLogEntry.objects.for_instance(enquiry).get(action__in=["wagtail.edit", "enquiries.triage"])
    assert entry.user == reception


@pytest.mark.parametrize(
    ("fields"), [{"status": Enquiry.Status.SPAM}, {"suspected_spam": True}], ids=["spam", "suspected"]
)
def test_not_spam_moves_an_enquiry_back_to_new(reception_client, reception, fields):
    enquiry = make_enquiry(**fields)

    response = reception_client.post(enquiry_url("not_spam", enquiry), follow=True)

    assert response.redirect_chain[-1][0] == enquiry_url("inspect", enquiry)
    assert f"{enquiry.reference} is back in the inbox as a new enquiry." in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.suspected_spam is False
    entry = ModelLogEntry.objects.for_instance(enquiry).get(action="enquiries.not_spam")
    assert entry.user == reception


def test_inspect_offers_not_spam_only_for_spam(reception_client):
    spam = make_enquiry(status=Enquiry.Status.SPAM)
    real = make_enquiry()

    assert (
        enquiry_url("not_spam", spam) in reception_client.get(enquiry_url("inspect", spam)).content.decode()
    )
    assert (
        enquiry_url("not_spam", real)
        not in reception_client.get(enquiry_url("inspect", real)).content.decode()
    )


def test_not_spam_refuses_get(reception_client):
    enquiry = make_enquiry(status=Enquiry.Status.SPAM)

    assert reception_client.get(enquiry_url("not_spam", enquiry)).status_code == 405
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.SPAM
