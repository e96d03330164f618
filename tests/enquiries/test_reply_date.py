"""
The confirmation tells the patient when to expect a reply: the reply target
(Settings > Enquiries) counted in working days, without weekends, bank holidays
or the clinic's closures, from when the enquiry arrived; the inbox counts the same.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.core import signing
from django.urls import reverse

from enquiries.models import Enquiry, EnquirySettings
from enquiries.views import CONFIRMATION_SALT
from enquiries.working_days import reply_due_on
from tests.enquiries.factories import post_enquiry, valid_form_data
from tests.factories import make_closure

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(day, clock="15:00"):
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=LONDON)


def reply_date_shown(client, when):
    """Send an enquiry at ``when`` and read the date on the confirmation page."""
    with time_machine.travel(when, tick=False):
        response = post_enquiry(client, valid_form_data(), follow=True)
    page = BeautifulSoup(response.content, "html.parser")
    text = page.find("h2", string="What happens next").find_next("p").get_text(" ", strip=True)
    return text.split("expect to hear from us by ", 1)[1].split(".", 1)[0].strip()


@pytest.mark.parametrize(
    ("sent", "reply_by"),
    [
        (at("2026-12-01"), "Wednesday 2 December"),
        (at("2026-12-04"), "Monday 7 December"),  # Friday: not over the weekend
        (at("2026-12-05", "10:00"), "Monday 7 December"),  # Saturday: Monday is the working day
        (
            at("2026-12-24"),
            "Tuesday 29 December",
        ),  # not Christmas Day, the weekend or Boxing Day's substitute
    ],
)
def test_the_confirmation_gives_the_day_a_reply_is_due(client, site, sent, reply_by):
    assert reply_date_shown(client, sent) == reply_by


def test_the_clinics_closures_put_the_reply_back(client, site):
    make_closure("2026-12-24", "2026-12-24", reason="Christmas Eve")

    assert reply_date_shown(client, at("2026-12-23")) == "Tuesday 29 December"


def test_the_reply_target_setting_counts(client, site):
    enquiry_settings = EnquirySettings.for_site(site)
    enquiry_settings.reply_within_working_days = 2
    enquiry_settings.save()

    assert reply_date_shown(client, at("2026-12-24")) == "Wednesday 30 December"


def test_the_date_is_from_when_the_enquiry_arrived_not_when_the_page_is_seen(client, site):
    with time_machine.travel(at("2026-12-01"), tick=False):
        response = post_enquiry(client, valid_form_data())
    assert Enquiry.objects.get().created_at == at("2026-12-01")

    with time_machine.travel(at("2026-12-03"), tick=False):
        page = client.get(response["Location"]).content.decode()

    assert "by <strong>Wednesday 2 December</strong>" in page


def test_a_confirmation_link_from_before_the_date_was_added_counts_from_now(client, site):
    token = signing.dumps({"reference": "CH-ABC123", "urgent": False}, salt=CONFIRMATION_SALT)

    with time_machine.travel(at("2026-12-04"), tick=False):
        page = client.get(f"{reverse('enquiries:sent')}?r={token}").content.decode()

    assert "by <strong>Monday 7 December</strong>" in page


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        (at("2026-12-04"), 0, "2026-12-04"),
        (at("2026-12-05"), 0, "2026-12-07"),  # a Saturday's same-day target is Monday's
        (at("2026-12-02", "00:00"), 1, "2026-12-02"),  # due at midnight: by the end of the day before
        (at("2026-12-24"), 1, "2026-12-29"),
    ],
)
def test_the_day_a_reply_is_due(db, received, days, due):
    assert reply_due_on(received, days).isoformat() == due
