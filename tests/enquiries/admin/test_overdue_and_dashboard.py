"""
The reply target: working-day arithmetic, overdue marking in the list, the
dashboard panel's counts and links, and the menu item's count of new enquiries.
"""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.urls import reverse

from enquiries.models import Enquiry, EnquirySettings
from enquiries.working_days import add_working_days, subtract_working_days
from tests.enquiries.admin.conftest import inbox_url
from tests.enquiries.factories import make_enquiry

# 6 March 2026 is a Friday.
FRIDAY_AFTERNOON = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
SATURDAY = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
MONDAY_MORNING = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
MONDAY_AFTERNOON = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)


# enquiries.working_days


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (datetime(2026, 3, 2, 9, 0, tzinfo=UTC), 1, datetime(2026, 3, 3, 9, 0, tzinfo=UTC)),  # Mon → Tue
        (FRIDAY_AFTERNOON, 1, datetime(2026, 3, 9, 15, 0, tzinfo=UTC)),  # Fri → Mon
        (FRIDAY_AFTERNOON, 2, datetime(2026, 3, 10, 15, 0, tzinfo=UTC)),  # Fri → Tue
        (datetime(2026, 3, 4, 9, 0, tzinfo=UTC), 5, datetime(2026, 3, 11, 9, 0, tzinfo=UTC)),  # a week
        (SATURDAY, 1, datetime(2026, 3, 10, 0, 0, tzinfo=UTC)),  # counting starts Monday
        (datetime(2026, 3, 8, 23, 0, tzinfo=UTC), 1, datetime(2026, 3, 10, 0, 0, tzinfo=UTC)),  # Sunday
        (datetime(2026, 3, 4, 9, 0, tzinfo=UTC), 0, datetime(2026, 3, 4, 9, 0, tzinfo=UTC)),
    ],
)
def test_add_working_days(db, start, days, due):  # the clinic's closures are in the database
    assert add_working_days(start, days) == due


@pytest.mark.parametrize(
    ("now", "days", "cutoff"),
    [
        (datetime(2026, 3, 3, 9, 0, tzinfo=UTC), 1, datetime(2026, 3, 2, 9, 0, tzinfo=UTC)),
        (MONDAY_MORNING, 1, datetime(2026, 3, 6, 10, 0, tzinfo=UTC)),
        (SATURDAY, 1, datetime(2026, 3, 5, 23, 59, 59, 999999, tzinfo=UTC)),
        (MONDAY_MORNING, 2, datetime(2026, 3, 5, 10, 0, tzinfo=UTC)),
    ],
)
def test_subtract_working_days(db, now, days, cutoff):
    assert subtract_working_days(now, days) == cutoff


@pytest.mark.parametrize("days", [1, 2, 3])
def test_subtract_is_the_inverse_of_add_over_a_fortnight(db, days):
    """Anything received at or before the cut-off is due by now, and anything after it is not."""
    start = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    for hours in range(0, 14 * 24, 7):
        now = start + timedelta(hours=hours)
        cutoff = subtract_working_days(now, days)
        assert add_working_days(cutoff, days) <= now
        after = cutoff + timedelta(minutes=1)
        if after.weekday() < 5:
            assert add_working_days(after, days) > now


# Overdue marking


@pytest.fixture
def friday_enquiry(db):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        return make_enquiry(name="Friday Patient")


def overdue_in_list(client):
    response = client.get(reverse("enquiry_admin:list"))
    return {enquiry.reference for enquiry in response.context["object_list"] if enquiry.is_overdue}


@pytest.mark.parametrize(
    ("now", "overdue"), [(SATURDAY, False), (MONDAY_MORNING, False), (MONDAY_AFTERNOON, True)]
)
def test_friday_afternoon_enquiry_is_due_monday_afternoon(reception_client, friday_enquiry, now, overdue):
    with time_machine.travel(now, tick=False):
        assert (friday_enquiry.reference in overdue_in_list(reception_client)) is overdue
        assert Enquiry.objects.overdue(1).filter(pk=friday_enquiry.pk).exists() is overdue
        assert f"<strong>{int(overdue)}</strong> overdue" in panel_html(reception_client)
        inspect = reception_client.get(reverse("enquiry_admin:inspect", args=[friday_enquiry.pk]))
        assert ("<strong>Overdue:</strong>" in inspect.content.decode()) is overdue


def test_the_reply_target_setting_moves_the_deadline(reception_client, friday_enquiry, site):
    settings = EnquirySettings.for_site(site)
    settings.reply_within_working_days = 2
    settings.save()

    with time_machine.travel(MONDAY_AFTERNOON, tick=False):
        assert overdue_in_list(reception_client) == set()
    with time_machine.travel(MONDAY_AFTERNOON + timedelta(days=1), tick=False):
        assert overdue_in_list(reception_client) == {friday_enquiry.reference}


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Enquiry.Status.WAITING},
        {"status": Enquiry.Status.CLOSED, "outcome": Enquiry.Outcome.BOOKED},
        {"status": Enquiry.Status.SPAM},
        {"suspected_spam": True},
    ],
    ids=["answered", "closed", "spam", "suspected-spam"],
)
def test_answered_closed_and_spam_enquiries_are_never_overdue(reception_client, fields):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        make_enquiry(**fields)

    with time_machine.travel(MONDAY_AFTERNOON + timedelta(days=7), tick=False):
        assert overdue_in_list(reception_client) == set()


def test_in_progress_without_a_reply_is_still_overdue(reception_client):
    with time_machine.travel(FRIDAY_AFTERNOON, tick=False):
        enquiry = make_enquiry(status=Enquiry.Status.IN_PROGRESS)

    with time_machine.travel(MONDAY_AFTERNOON, tick=False):
        assert overdue_in_list(reception_client) == {enquiry.reference}


# The dashboard panel


@pytest.fixture
def inbox(db):
    """Two new (one urgent), one urgent answered, one suspected spam, one overdue in progress."""
    with time_machine.travel(FRIDAY_AFTERNOON - timedelta(days=3), tick=False):
        oldest = make_enquiry(status=Enquiry.Status.IN_PROGRESS)
    with time_machine.travel(MONDAY_MORNING, tick=False):
        return {
            "oldest": oldest,
            "new": make_enquiry(),
            "urgent": make_enquiry(urgent=True),
            "answered_urgent": make_enquiry(urgent=True, status=Enquiry.Status.WAITING),
            "suspected": make_enquiry(suspected_spam=True),
        }


def panel_html(client):
    content = client.get("/admin/").content.decode()
    start = content.index('id="enquiries-section"')
    return content[start : content.index("</section>", start)]


def test_dashboard_panel_shows_new_urgent_and_overdue_counts(reception_client, inbox):
    with time_machine.travel(MONDAY_AFTERNOON, tick=False):
        html = panel_html(reception_client)

    assert "<strong>2</strong> new" in html
    assert "<strong>1</strong> urgent, not yet answered" in html
    assert "<strong>1</strong> overdue (no reply within 1 working day)" in html


def test_dashboard_panel_links_to_the_oldest_unanswered(reception_client, inbox):
    with time_machine.travel(MONDAY_AFTERNOON, tick=False):
        html = panel_html(reception_client)

    oldest = inbox["oldest"]
    assert f'href="{reverse("enquiry_admin:inspect", args=[oldest.pk])}">{oldest.reference}</a>' in html


def test_dashboard_panel_says_when_every_enquiry_has_a_reply(reception_client):
    make_enquiry(status=Enquiry.Status.WAITING)

    assert "Every enquiry has had a reply." in panel_html(reception_client)


def panel_links(client):
    html = panel_html(client)
    return [link.replace("&amp;", "&") for link in re.findall(r'<a href="([^"]+)"><strong>', html)]


def test_dashboard_links_to_the_filtered_list(reception_client, inbox):
    with time_machine.travel(MONDAY_AFTERNOON, tick=False):
        new_url, replied_url, urgent_url, overdue_url = panel_links(reception_client)
        assert new_url.startswith(inbox_url())

        def refs(url):
            return {e.reference for e in reception_client.get(url).context["object_list"]}

        assert refs(new_url) == {inbox["new"].reference, inbox["urgent"].reference}
        assert inbox["urgent"].reference in refs(urgent_url)
        assert refs(overdue_url) == {inbox["oldest"].reference}
        assert refs(replied_url) == set()  # nobody has written back yet


def test_dashboard_urgent_link_lists_exactly_the_enquiries_it_counts(reception_client, inbox):
    _, _, urgent_url, _ = panel_links(reception_client)

    listed = {e.reference for e in reception_client.get(urgent_url).context["object_list"]}

    assert listed == {inbox["urgent"].reference}


# The menu item


def menu_label(client):
    content = client.get("/admin/").content.decode()
    return re.search(r'"name": "enquiries", "label": "([^"]+)"', content).group(1)


def test_menu_item_counts_new_enquiries(reception_client):
    make_enquiry()
    make_enquiry(urgent=True)
    make_enquiry(suspected_spam=True)
    make_enquiry(status=Enquiry.Status.IN_PROGRESS)

    assert menu_label(reception_client) == "Enquiries (2 new)"


def test_menu_item_has_no_count_when_nothing_is_new(reception_client):
    make_enquiry(status=Enquiry.Status.WAITING)

    assert menu_label(reception_client) == "Enquiries"


def test_menu_item_links_to_the_inbox(reception_client):
    content = reception_client.get("/admin/").content.decode()
    url = re.search(r'"name": "enquiries", "label": "[^"]+",.*?"url": ("[^"]+")', content).group(1)

    assert json.loads(url) == reverse("enquiry_admin:list")
