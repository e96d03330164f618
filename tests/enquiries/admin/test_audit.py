"""Every view of an enquiry's detail, change, export and deletion is in Wagtail's log and its history."""

from datetime import UTC, datetime

import pytest
import time_machine

from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry
from tests.enquiries.admin.conftest import enquiry_url, inbox_url
from tests.enquiries.factories import make_enquiry

NOW = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
# Wagtail's own edit entry, or the inbox's own entry that also says what changed.
CHANGE_ACTIONS = ("wagtail.edit", "enquiries.triage")


@pytest.fixture
def enquiry(db):
    return make_enquiry()


def entries(enquiry, *actions):
    return list(ModelLogEntry.objects.for_instance(enquiry).filter(action__in=actions))


def test_each_detail_view_is_logged_with_user_and_time(reception_client, reception, enquiry):
    with time_machine.travel(NOW, tick=False):
        reception_client.get(enquiry_url("inspect", enquiry))
        reception_client.get(enquiry_url("inspect", enquiry))

    views = entries(enquiry, "enquiries.view")
    assert len(views) == 2
    assert {(entry.user, entry.timestamp) for entry in views} == {(reception, NOW)}


def test_listing_is_not_a_detail_view(reception_client, enquiry):
    reception_client.get(inbox_url())

    assert entries(enquiry, "enquiries.view") == []


def test_a_change_is_logged_with_user_and_time(reception_client, reception, enquiry):
    with time_machine.travel(NOW, tick=False):
        reception_client.post(
            enquiry_url("edit", enquiry), {"status": "closed", "outcome": "booked", "assignee": ""}
        )

    (entry,) = entries(enquiry, *CHANGE_ACTIONS)
    assert (entry.user, entry.timestamp) == (reception, NOW)


def test_an_export_is_logged_with_user_time_filter_and_rows(reception_client, reception, enquiry):
    with time_machine.travel(NOW, tick=False):
        response = reception_client.get(inbox_url(export="csv", status="new"))
        b"".join(response.streaming_content) if response.streaming else response.content

    (entry,) = entries(enquiry, "enquiries.export")
    assert (entry.user, entry.timestamp) == (reception, NOW)
    assert entry.data == {"format": "csv", "filters": {"status": ["new"]}, "rows": 1}


def test_a_deletion_is_logged_with_user_and_time(superuser_client, superuser, enquiry):
    with time_machine.travel(NOW, tick=False):
        superuser_client.post(enquiry_url("delete", enquiry))

    assert not Enquiry.objects.filter(pk=enquiry.pk).exists()
    (entry,) = entries(enquiry, "wagtail.delete")
    assert (entry.user, entry.timestamp) == (superuser, NOW)
    assert entry.label == enquiry.reference


def test_history_page_shows_views_changes_exports_and_notes_with_the_user(reception_client, enquiry):
    reception_client.get(enquiry_url("inspect", enquiry))
    reception_client.post(
        enquiry_url("edit", enquiry), {"status": "in_progress", "outcome": "", "assignee": ""}
    )
    reception_client.get(inbox_url(export="xlsx"))
    reception_client.post(enquiry_url("add_note", enquiry), {"text": "Left a voicemail"})

    content = reception_client.get(enquiry_url("history", enquiry)).content.decode()

    for message in ("Viewed the enquiry", "Included in an export", "Added a note"):
        assert message in content, message
    assert "Edited" in content or "Changed status from New to In progress" in content
    assert "Rita Reception" in content


def test_detail_view_shows_its_own_history(reception_client, enquiry):
    reception_client.post(
        enquiry_url("edit", enquiry), {"status": "in_progress", "outcome": "", "assignee": ""}
    )

    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    history = content[content.index('id="history-heading"') :]
    assert "Viewed the enquiry" in history
    assert "Edited" in history or "Changed status from New to In progress" in history
    assert "Rita Reception" in history


def test_history_says_what_changed(reception_client, reception, enquiry):
    reception_client.post(
        enquiry_url("edit", enquiry), {"status": "in_progress", "outcome": "", "assignee": reception.pk}
    )

    content = reception_client.get(enquiry_url("history", enquiry)).content.decode()

    assert "status from New to In progress" in content
    assert "assignee from — to Rita Reception" in content
