"""Bulk actions from the inbox: assign to me, mark as spam, close with an outcome."""

from datetime import UTC, datetime

import pytest
import time_machine

from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry
from tests.enquiries.admin.conftest import bulk_url, inbox_url
from tests.enquiries.factories import make_enquiry

NOW = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)


@pytest.fixture
def enquiries(db):
    return [make_enquiry(name="First"), make_enquiry(name="Second")]


def logged_bulk_actions(enquiry):
    return [
        (entry.action, entry.user, entry.data.get("bulk_action"), entry.timestamp)
        for entry in ModelLogEntry.objects.for_instance(enquiry)
    ]


def test_inbox_offers_the_bulk_actions(reception_client, enquiries):
    content = reception_client.get(inbox_url()).content.decode()

    for action in ("assign_to_me", "mark_as_spam", "close"):
        assert f"/admin/bulk/enquiries/enquiry/{action}/" in content


@pytest.mark.parametrize("action", ["assign_to_me", "mark_as_spam", "close"])
def test_confirmation_lists_the_selected_enquiries(reception_client, enquiries, action):
    response = reception_client.get(bulk_url(action, *enquiries))

    assert response.status_code == 200
    content = response.content.decode()
    assert all(enquiry.reference in content for enquiry in enquiries)


def test_assign_to_me(reception_client, reception, enquiries):
    with time_machine.travel(NOW, tick=False):
        response = reception_client.post(bulk_url("assign_to_me", *enquiries), follow=True)

    assert "2 enquiries assigned to you." in response.content.decode()
    for enquiry in enquiries:
        enquiry.refresh_from_db()
        assert enquiry.assignee == reception
        assert enquiry.status == Enquiry.Status.NEW
        assert logged_bulk_actions(enquiry) == [("wagtail.edit", reception, "assign_to_me", NOW)]


def test_mark_as_spam(reception_client, reception, enquiries):
    with time_machine.travel(NOW, tick=False):
        response = reception_client.post(bulk_url("mark_as_spam", enquiries[0]), follow=True)

    assert "1 enquiry marked as spam." in response.content.decode()
    enquiries[0].refresh_from_db()
    enquiries[1].refresh_from_db()
    assert enquiries[0].status == Enquiry.Status.SPAM
    assert enquiries[1].status == Enquiry.Status.NEW
    assert logged_bulk_actions(enquiries[0]) == [("wagtail.edit", reception, "mark_as_spam", NOW)]
    assert logged_bulk_actions(enquiries[1]) == []


def test_close_with_an_outcome_stamps_the_times(reception_client, reception, enquiries):
    with time_machine.travel(NOW, tick=False):
        response = reception_client.post(bulk_url("close", *enquiries), {"outcome": "no_reply"}, follow=True)

    assert "2 enquiries closed." in response.content.decode()
    for enquiry in enquiries:
        enquiry.refresh_from_db()
        assert enquiry.status == Enquiry.Status.CLOSED
        assert enquiry.outcome == Enquiry.Outcome.NO_REPLY
        assert enquiry.closed_at == NOW
        assert enquiry.first_answered_at == NOW
        assert logged_bulk_actions(enquiry) == [("wagtail.edit", reception, "close", NOW)]


def test_close_with_the_emergency_care_outcome(reception_client, enquiries):
    reception_client.post(bulk_url("close", *enquiries), {"outcome": "emergency_care"})

    for enquiry in enquiries:
        enquiry.refresh_from_db()
        assert (enquiry.status, enquiry.outcome) == (Enquiry.Status.CLOSED, Enquiry.Outcome.EMERGENCY_CARE)


def test_close_without_an_outcome_changes_nothing(reception_client, enquiries):
    response = reception_client.post(bulk_url("close", *enquiries), {"outcome": ""})

    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    for enquiry in enquiries:
        enquiry.refresh_from_db()
        assert enquiry.status == Enquiry.Status.NEW


def test_close_confirmation_asks_for_an_outcome(reception_client, enquiries):
    content = reception_client.get(bulk_url("close", *enquiries)).content.decode()

    assert 'name="outcome"' in content
    for label in (
        "Booked",
        "Not suitable",
        "No reply",
        "Advised emergency care (999, A&amp;E or 111)",
        "Other",
    ):
        assert label in content
