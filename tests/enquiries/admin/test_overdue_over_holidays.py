"""
The inbox counts the reply target by the clinic's working days: a bank holiday
or a closure is not a day the reply was late on. The list's marker, its
"Overdue" filter, the dashboard's count and the due date all agree.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.urls import reverse

from enquiries.models import Enquiry
from tests.enquiries.admin.conftest import inbox_url
from tests.enquiries.admin.test_overdue_and_dashboard import overdue_in_list, panel_html
from tests.enquiries.factories import make_enquiry
from tests.factories import make_closure

LONDON = ZoneInfo("Europe/London")


def at(day, clock="15:00"):
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=LONDON)


@pytest.fixture
def christmas_eve_enquiry(db):
    with time_machine.travel(at("2026-12-24"), tick=False):
        return make_enquiry(name="Christmas Eve Patient")


def overdue_everywhere(client, reception, enquiry):
    """Whether each view of the inbox calls ``enquiry`` overdue, for reception signed in now."""
    client.force_login(reception)  # sessions end: sign in at the travelled-to time
    listed = {e.reference for e in client.get(inbox_url(overdue="true")).context["object_list"]}
    return {
        "list": enquiry.reference in overdue_in_list(client),
        "filter": enquiry.reference in listed,
        "queryset": Enquiry.objects.overdue(1).filter(pk=enquiry.pk).exists(),
        "dashboard": "<strong>1</strong> overdue" in panel_html(client),
    }


@pytest.mark.parametrize(
    ("now", "overdue"),
    [
        (at("2026-12-25", "16:00"), False),  # Christmas Day
        (at("2026-12-28", "16:00"), False),  # Boxing Day (substitute day)
        (at("2026-12-29", "14:59"), False),
        (at("2026-12-29", "15:00"), True),
    ],
)
def test_an_enquiry_on_christmas_eve_is_due_after_the_bank_holidays(
    client, reception, christmas_eve_enquiry, now, overdue
):
    with time_machine.travel(now, tick=False):
        assert overdue_everywhere(client, reception, christmas_eve_enquiry) == dict.fromkeys(
            ("list", "filter", "queryset", "dashboard"), overdue
        )


def test_a_closure_puts_the_deadline_back(client, reception):
    make_closure("2026-12-24", "2026-12-24", reason="Christmas Eve")
    with time_machine.travel(at("2026-12-23"), tick=False):
        enquiry = make_enquiry()

    with time_machine.travel(at("2026-12-24", "16:00"), tick=False):
        assert not any(overdue_everywhere(client, reception, enquiry).values())
    with time_machine.travel(at("2026-12-29", "16:00"), tick=False):
        assert all(overdue_everywhere(client, reception, enquiry).values())
        inspect = client.get(reverse("enquiry_admin:inspect", args=[enquiry.pk])).content.decode()
    assert "the reply was due by 29 Dec 2026, 3 p.m." in inspect
