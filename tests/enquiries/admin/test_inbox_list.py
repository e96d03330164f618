"""The inbox: what it lists, in what order, its filters and its search."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.urls import reverse

from enquiries.models import Enquiry
from tests.enquiries.admin.conftest import inbox_url
from tests.enquiries.factories import make_enquiry, post_enquiry, valid_form_data
from tests.factories import make_user

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def listed(client, **query):
    response = client.get(reverse("enquiry_admin:list"), query)
    assert response.status_code == 200
    return [enquiry.reference for enquiry in response.context["object_list"]]


def received(moment, **fields):
    with time_machine.travel(moment, tick=False):
        return make_enquiry(**fields)


def test_list_shows_reference_received_name_treatment_status_assignee_and_urgent(reception_client, reception):
    enquiry = make_enquiry(
        name="Florence Tapp",
        treatment_title="Osteopathy",
        urgent=True,
        assignee=reception,
        status=Enquiry.Status.IN_PROGRESS,
    )

    content = reception_client.get(inbox_url()).content.decode()

    for heading in ("Reference", "Urgent", "Received", "Name", "Treatment", "Status", "Assigned to"):
        assert heading in content
    for value in (enquiry.reference, "Florence Tapp", "Osteopathy", "In progress", "Rita Reception"):
        assert value in content
    assert reverse("enquiry_admin:inspect", args=[enquiry.pk]) in content


def row_of(content, enquiry):
    start = content.index(f">{enquiry.reference}<")
    return content[content.rindex("<tr", 0, start) : content.index("</tr>", start)]


def test_urgent_enquiries_carry_an_urgent_tag_in_the_list(reception_client):
    urgent = make_enquiry(urgent=True)
    calm = make_enquiry()

    content = reception_client.get(inbox_url()).content.decode()

    tag = re.search(
        r'<td class="enquiry-urgent">\s*<span class="w-status[^"]*">\s*Urgent\s*</span>',
        row_of(content, urgent),
    )
    assert tag
    assert "w-status" not in row_of(content, calm)
    assert "Urgent" not in row_of(content, calm)


def test_the_urgent_tag_has_its_stylesheet_on_the_list(reception_client):
    content = reception_client.get(inbox_url()).content.decode()

    assert '<link rel="stylesheet" href="/static/enquiries/css/inbox.css">' in content


def test_urgent_first_then_oldest_unanswered_then_answered(reception_client):
    old_answered = received(MONDAY, status=Enquiry.Status.WAITING)
    newer = received(MONDAY + timedelta(hours=3))
    older = received(MONDAY + timedelta(hours=1))
    urgent_new = received(MONDAY + timedelta(hours=5), urgent=True)
    urgent_old = received(MONDAY + timedelta(hours=4), urgent=True)

    assert listed(reception_client) == [
        urgent_old.reference,
        urgent_new.reference,
        older.reference,
        newer.reference,
        old_answered.reference,
    ]


def test_a_column_heading_overrides_the_default_order(reception_client):
    first = received(MONDAY, name="B", urgent=True)
    second = received(MONDAY + timedelta(hours=1), name="A")

    assert listed(reception_client, ordering="-created_at") == [second.reference, first.reference]


def test_filter_by_status(reception_client):
    new = make_enquiry()
    waiting = make_enquiry(status=Enquiry.Status.WAITING)

    assert listed(reception_client, status="waiting") == [waiting.reference]
    assert listed(reception_client, status="new") == [new.reference]


def test_filter_by_urgent(reception_client):
    urgent = make_enquiry(urgent=True)
    calm = make_enquiry()

    assert listed(reception_client, urgent="true") == [urgent.reference]
    assert listed(reception_client, urgent="false") == [calm.reference]


def test_filter_by_suspected_spam(reception_client):
    suspected = make_enquiry(suspected_spam=True)
    real = make_enquiry()

    assert listed(reception_client, suspected_spam="true") == [suspected.reference]
    assert listed(reception_client, suspected_spam="false") == [real.reference]


def test_filter_by_treatment(clinic_pages, reception_client):
    osteopathy, acupuncture = clinic_pages
    asked = make_enquiry(treatment=acupuncture, treatment_title=acupuncture.title)
    make_enquiry(treatment=osteopathy, treatment_title=osteopathy.title)
    make_enquiry()

    assert listed(reception_client, treatment=acupuncture.pk) == [asked.reference]


def test_filter_by_assignee_me_nobody_or_a_colleague(reception_client, reception):
    colleague = make_user("colin", groups=["Reception"])
    mine = make_enquiry(assignee=reception)
    theirs = make_enquiry(assignee=colleague)
    nobodys = make_enquiry()

    assert listed(reception_client, assignee="me") == [mine.reference]
    assert listed(reception_client, assignee="nobody") == [nobodys.reference]
    assert listed(reception_client, assignee=colleague.pk) == [theirs.reference]


def test_assignee_filter_offers_only_staff_who_handle_enquiries(reception_client, reception):
    make_user("eddie", groups=["Editors"], first_name="Eddie", last_name="Editor")

    content = reception_client.get(inbox_url()).content.decode()

    assert "Rita Reception" in content
    assert "Eddie Editor" not in content


def test_filter_by_received_date_range(reception_client):
    received(datetime(2026, 2, 27, 12, tzinfo=UTC))
    inside = received(datetime(2026, 3, 2, 12, tzinfo=UTC))
    received(datetime(2026, 3, 5, 12, tzinfo=UTC))

    assert listed(reception_client, received_from="2026-03-01", received_to="2026-03-02") == [
        inside.reference
    ]


def test_filter_by_overdue(reception_client):
    late = received(MONDAY)
    fresh = received(MONDAY + timedelta(days=1, hours=2))

    with time_machine.travel(MONDAY + timedelta(days=1, hours=3), tick=False):
        assert listed(reception_client, overdue="true") == [late.reference]
        assert listed(reception_client, overdue="false") == [fresh.reference]


@pytest.mark.parametrize(
    "term",
    [
        "reference",
        "Gwendolyn",
        "Hartigan",
        "gwen.h@patient.example",
        "020 7946 0321",
        "+44 20 7946 0321",
        "7946 0321",
        "plantar fasciitis",
    ],
)
def test_search_finds_by_reference_name_email_phone_and_message_words(reception_client, term):
    wanted = make_enquiry(
        name="Gwendolyn Hartigan",
        email="gwen.h@patient.example",
        phone="020 7946 0321",
        message="I think I have plantar fasciitis in my left foot.",
    )
    make_enquiry(name="Other Person", email="other@patient.example", message="Sore neck.")
    if term == "reference":
        term = wanted.reference

    assert listed(reception_client, q=term) == [wanted.reference]


def test_an_enquiry_sent_just_now_is_found_by_search_at_once(clinic_pages, client, reception_client):
    client.logout()
    response = post_enquiry(
        client, valid_form_data(name="Hieronymus Bosch", message="Wrist strain from painting")
    )
    assert response.status_code in (200, 302)
    enquiry = Enquiry.objects.get(name="Hieronymus Bosch")
    reception_client.force_login(make_user("searcher", groups=["Reception"]))

    assert listed(reception_client, q="Hieronymus") == [enquiry.reference]
    assert listed(reception_client, q="painting") == [enquiry.reference]
    assert listed(reception_client, q=enquiry.reference) == [enquiry.reference]


def test_list_marks_overdue_enquiries(reception_client):
    late = received(MONDAY)
    fresh = received(MONDAY + timedelta(days=1, hours=2))

    with time_machine.travel(MONDAY + timedelta(days=1, hours=3), tick=False):
        content = reception_client.get(inbox_url()).content.decode()

    assert "Overdue" in row_of(content, late)
    assert "Overdue" not in row_of(content, fresh)
