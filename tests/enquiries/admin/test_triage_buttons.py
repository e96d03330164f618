"""
The triage buttons on an enquiry's detail page: assign to me, mark in progress,
close with an outcome, mark as spam and not spam, without going through Edit.

Each is a plain POST form (no JavaScript needed), offered only when it makes
sense, goes through ``Enquiry.save`` so the triage timestamps follow, is logged
as the edit form's changes are, and comes back to the detail page with a message.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.test import Client

from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry
from tests.enquiries.admin.conftest import enquiry_url
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday
LATER = RECEIVED + timedelta(hours=2)
BUTTONS = ["assign_to_me", "mark_in_progress", "close", "mark_as_spam", "not_spam"]


@pytest.fixture
def enquiry(db):
    with time_machine.travel(RECEIVED, tick=False):
        return make_enquiry(name="Philippa Quill", message="Stiff neck since Tuesday.")


def offered(client, enquiry):
    """The triage buttons the detail page offers, by name, in the order shown."""
    content = client.get(enquiry_url("inspect", enquiry)).content.decode()
    shown = {name: content.find(f'action="{enquiry_url(name, enquiry)}"') for name in BUTTONS}
    return [name for name, position in sorted(shown.items(), key=lambda item: item[1]) if position >= 0]


def press(client, name, enquiry, **data):
    """Press a button on the detail page and follow the redirect."""
    return client.post(enquiry_url(name, enquiry), data, follow=True)


def messages_shown(response):
    return [str(message) for message in response.context["messages"]]


def triage_log(enquiry):
    return [
        (entry.action, entry.user, entry.data.get("changes"), entry.timestamp)
        for entry in ModelLogEntry.objects.for_instance(enquiry).filter(
            action__in=["enquiries.triage", "enquiries.not_spam"]
        )
    ]


def test_a_new_enquiry_offers_assign_progress_close_and_spam_but_not_not_spam(reception_client, enquiry):
    assert offered(reception_client, enquiry) == ["assign_to_me", "mark_in_progress", "close", "mark_as_spam"]


def test_each_button_is_a_post_form_with_a_csrf_token(reception_client, enquiry):
    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    for name in ("assign_to_me", "mark_in_progress", "close", "mark_as_spam"):
        form = re.search(rf'<form action="{enquiry_url(name, enquiry)}"[^>]*>(.*?)</form>', content, re.S)
        assert form, name
        assert 'method="post"' in form[0]
        assert 'name="csrfmiddlewaretoken"' in form[1]
        assert 'type="submit"' in form[1]


def test_close_offers_every_outcome_in_a_labelled_select(reception_client, enquiry):
    content = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    assert '<label class="w-field__label" for="close-outcome"' in content
    assert '<select name="outcome"' in content
    for value, label in Enquiry.Outcome.choices:
        assert f'<option value="{value}">{label.replace("&", "&amp;")}</option>' in content
    assert "Advised emergency care (999, A&amp;E or 111)" in content


def test_assign_to_me_assigns_logs_and_comes_back_with_a_message(reception_client, reception, enquiry):
    with time_machine.travel(LATER, tick=False):
        response = press(reception_client, "assign_to_me", enquiry)

    assert response.redirect_chain == [(enquiry_url("inspect", enquiry), 302)]
    assert f"{enquiry.reference} is assigned to you." in messages_shown(response)
    enquiry.refresh_from_db()
    assert enquiry.assignee == reception
    assert enquiry.status == Enquiry.Status.NEW
    assert triage_log(enquiry) == [
        ("enquiries.triage", reception, {"assignee": ["—", "Rita Reception"]}, LATER)
    ]


def test_assign_to_me_is_not_offered_once_the_enquiry_is_mine(reception_client, reception):
    mine = make_enquiry(assignee=reception)

    assert "assign_to_me" not in offered(reception_client, mine)


def test_assign_to_me_takes_over_a_colleagues_enquiry_and_says_so_in_the_history(reception_client, reception):
    colleague = make_user("colin", groups=["Reception"], first_name="Colin", last_name="Colleague")
    theirs = make_enquiry(assignee=colleague)

    assert "assign_to_me" in offered(reception_client, theirs)
    press(reception_client, "assign_to_me", theirs)

    theirs.refresh_from_db()
    assert theirs.assignee == reception
    history = reception_client.get(enquiry_url("history", theirs)).content.decode()
    assert "Changed assignee from Colin Colleague to Rita Reception" in history


def test_mark_in_progress_changes_the_status_and_is_then_not_offered(reception_client, reception, enquiry):
    with time_machine.travel(LATER, tick=False):
        response = press(reception_client, "mark_in_progress", enquiry)

    assert f"{enquiry.reference} is in progress." in messages_shown(response)
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.IN_PROGRESS
    assert enquiry.first_answered_at is None  # in progress is not a reply
    assert triage_log(enquiry) == [("enquiries.triage", reception, {"status": ["New", "In progress"]}, LATER)]
    assert "mark_in_progress" not in offered(reception_client, enquiry)


def test_the_history_reads_the_same_for_a_button_as_for_the_edit_form(reception_client):
    by_button = make_enquiry()
    by_form = make_enquiry()

    press(reception_client, "mark_in_progress", by_button)
    reception_client.post(
        enquiry_url("edit", by_form), {"status": "in_progress", "outcome": "", "assignee": ""}
    )

    def messages(enquiry):
        entries = ModelLogEntry.objects.for_instance(enquiry).filter(action="enquiries.triage")
        return [entry.message for entry in entries]

    assert messages(by_button) == messages(by_form) == ["Changed status from New to In progress"]
    content = reception_client.get(enquiry_url("inspect", by_button)).content.decode()
    assert "Changed status from New to In progress" in content[content.index('id="history-heading"') :]


def test_close_with_the_emergency_care_outcome_stamps_the_times(reception_client, reception, enquiry):
    with time_machine.travel(LATER, tick=False):
        response = press(reception_client, "close", enquiry, outcome="emergency_care")

    assert response.redirect_chain == [(enquiry_url("inspect", enquiry), 302)]
    assert f"{enquiry.reference} is closed: Advised emergency care (999, A&E or 111)." in messages_shown(
        response
    )
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.CLOSED
    assert enquiry.outcome == Enquiry.Outcome.EMERGENCY_CARE
    assert enquiry.closed_at == LATER
    assert enquiry.first_answered_at == LATER
    assert triage_log(enquiry) == [
        (
            "enquiries.triage",
            reception,
            {"status": ["New", "Closed"], "outcome": ["—", "Advised emergency care (999, A&E or 111)"]},
            LATER,
        )
    ]


@pytest.mark.parametrize("outcome", ["", "cured", "closed"], ids=["none", "unknown", "a-status"])
def test_close_without_a_valid_outcome_says_what_to_do_and_changes_nothing(
    reception_client, enquiry, outcome
):
    response = press(reception_client, "close", enquiry, outcome=outcome)

    assert response.redirect_chain == [(enquiry_url("inspect", enquiry), 302)]
    assert messages_shown(response) == [
        f"Choose an outcome before closing {enquiry.reference}. Nothing has been changed."
    ]
    assert "enquiry_closed_with_outcome" not in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert (enquiry.outcome, enquiry.closed_at, enquiry.first_answered_at) == ("", None, None)
    assert triage_log(enquiry) == []


def test_a_closed_enquiry_offers_only_reopening_and_spam(reception_client):
    closed = make_enquiry(status=Enquiry.Status.CLOSED, outcome=Enquiry.Outcome.BOOKED)

    assert offered(reception_client, closed) == ["mark_in_progress", "mark_as_spam"]


def test_mark_in_progress_reopens_a_closed_enquiry_and_keeps_the_first_reply(reception_client):
    with time_machine.travel(RECEIVED, tick=False):
        closed = make_enquiry(status=Enquiry.Status.CLOSED, outcome=Enquiry.Outcome.NO_REPLY)

    with time_machine.travel(LATER, tick=False):
        press(reception_client, "mark_in_progress", closed)

    closed.refresh_from_db()
    assert closed.status == Enquiry.Status.IN_PROGRESS
    assert (closed.outcome, closed.closed_at) == ("", None)
    assert closed.first_answered_at == RECEIVED
    (entry,) = triage_log(closed)
    assert entry[2] == {"status": ["Closed", "In progress"], "outcome": ["No reply", "—"]}


def test_mark_as_spam_moves_it_out_of_the_inbox_and_offers_not_spam(reception_client, reception, enquiry):
    with time_machine.travel(LATER, tick=False):
        response = press(reception_client, "mark_as_spam", enquiry)

    assert f"{enquiry.reference} is marked as spam. 'Not spam' moves it back to the inbox." in messages_shown(
        response
    )
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.SPAM
    assert not Enquiry.objects.new().filter(pk=enquiry.pk).exists()
    assert triage_log(enquiry) == [("enquiries.triage", reception, {"status": ["New", "Spam"]}, LATER)]
    assert offered(reception_client, enquiry) == ["not_spam"]


def test_suspected_spam_offers_only_mark_as_spam_and_not_spam(reception_client):
    suspected = make_enquiry(suspected_spam=True)

    assert offered(reception_client, suspected) == ["mark_as_spam", "not_spam"]


def test_not_spam_puts_a_spam_enquiry_back_and_logs_it_as_before(reception_client, reception):
    spam = make_enquiry(status=Enquiry.Status.SPAM)

    press(reception_client, "not_spam", spam)

    spam.refresh_from_db()
    assert spam.status == Enquiry.Status.NEW
    (entry,) = ModelLogEntry.objects.for_instance(spam).filter(action="enquiries.not_spam")
    assert entry.user == reception
    assert entry.message == "Marked as not spam"
    assert offered(reception_client, spam) == ["assign_to_me", "mark_in_progress", "close", "mark_as_spam"]


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("mark_in_progress", {"status": Enquiry.Status.IN_PROGRESS}),
        ("close", {"status": Enquiry.Status.CLOSED, "outcome": Enquiry.Outcome.BOOKED}),
        ("mark_as_spam", {"status": Enquiry.Status.SPAM}),
        ("not_spam", {}),
        ("assign_to_me", {"status": Enquiry.Status.SPAM}),
    ],
)
def test_a_step_that_no_longer_applies_changes_nothing_and_says_so(reception_client, name, fields):
    """A second click, or a colleague who got there first: nothing changes, and nothing is logged."""
    enquiry = make_enquiry(**fields)
    before = Enquiry.objects.values().get(pk=enquiry.pk)

    response = reception_client.post(enquiry_url(name, enquiry), {"outcome": "other"})

    assert Enquiry.objects.values().get(pk=enquiry.pk) == before
    assert response["Location"] == enquiry_url("inspect", enquiry)
    assert messages_shown(reception_client.get(response["Location"])) == [
        f"{enquiry.reference} was not changed: that step does not apply to it as it stands now. "
        "A colleague may have just changed it."
    ]
    assert triage_log(enquiry) == []


@pytest.mark.parametrize("name", BUTTONS)
def test_the_buttons_refuse_get(reception_client, name):
    enquiry = make_enquiry(suspected_spam=True)

    assert reception_client.get(enquiry_url(name, enquiry)).status_code == 405
    assert triage_log(enquiry) == []


@pytest.mark.parametrize("name", BUTTONS)
def test_a_post_without_the_csrf_token_is_refused(reception, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reception)
    enquiry = make_enquiry(suspected_spam=True)
    before = Enquiry.objects.values().get(pk=enquiry.pk)

    assert client.post(enquiry_url(name, enquiry), {"outcome": "booked"}).status_code == 403
    assert Enquiry.objects.values().get(pk=enquiry.pk) == before


def test_the_buttons_work_with_the_pages_own_csrf_token(reception):
    """As a browser without JavaScript sends it: the token from the page, in the form."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(reception)
    enquiry = make_enquiry()
    content = client.get(enquiry_url("inspect", enquiry)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content)[1]

    response = client.post(enquiry_url("assign_to_me", enquiry), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.assignee == reception
