"""
When the clinic is open (clinic.hours): the week from Settings > Clinic details,
with bank holidays and closures on top, in the clinic's time (Europe/London).
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.exceptions import ValidationError

from wagtail.models import Site

from clinic.blocks import OpeningHoursBlock
from clinic.hours import ClinicHours, opening_hours_specification
from clinic.models import ClinicSettings
from tests.factories import make_closure, set_opening_hours

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def at(day, clock="12:00"):
    """A moment in London: at("2026-12-04", "09:00")."""
    hour, minute = map(int, clock.split(":"))
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), LONDON).replace(
        hour=hour, minute=minute
    )


def clinic_hours():
    return ClinicHours.of(ClinicSettings.for_site(Site.objects.get(is_default_site=True)))


@pytest.fixture(autouse=True)
def early_december():
    """Whatever today's date, the tests below are read on 1 December 2026."""
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON), tick=False):
        yield


@pytest.fixture
def week(db):
    """The demo's week: Monday to Friday 9am to 8pm, Saturday 9am to 1pm, Sunday closed."""
    return set_opening_hours((WEEKDAYS, "09:00", "20:00"), (["saturday"], "09:00", "13:00"))


# 4 December 2026 is a Friday.
@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (at("2026-12-04", "08:59"), False),
        (at("2026-12-04", "09:00"), True),
        (at("2026-12-04", "19:59"), True),
        (at("2026-12-04", "20:00"), False),
        (at("2026-12-05", "12:59"), True),
        (at("2026-12-05", "13:00"), False),
        (at("2026-12-06", "11:00"), False),
    ],
)
def test_open_from_the_minute_it_opens_until_the_minute_it_closes(week, moment, is_open):
    assert clinic_hours().is_open(moment) is is_open


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        (at("2026-12-04", "10:00"), "Open now, until 8pm"),
        (at("2026-12-04", "07:00"), "Closed now, opens today at 9am"),
        (at("2026-12-04", "20:00"), "Closed now, opens tomorrow at 9am"),
        (at("2026-12-05", "12:30"), "Open now, until 1pm"),
        (at("2026-12-05", "13:00"), "Closed now, opens Monday at 9am"),
        (at("2026-12-06", "23:59"), "Closed now, opens tomorrow at 9am"),
    ],
)
def test_the_status_says_until_when_it_is_open_or_when_it_opens(week, moment, status):
    assert clinic_hours().status(moment) == status


def test_it_next_opens_on_monday_after_saturday_morning(week):
    assert clinic_hours().next_opening(at("2026-12-05", "13:00")) == at("2026-12-07", "09:00")


def test_summer_time_is_the_clinics_time(week):
    # The clocks went forward on 29 March 2026: 9am in London is 8am UTC.
    hours = clinic_hours()

    assert not hours.is_open(datetime(2026, 3, 30, 7, 59, tzinfo=UTC))
    assert hours.is_open(datetime(2026, 3, 30, 8, 0, tzinfo=UTC))
    assert hours.next_opening(datetime(2026, 3, 28, 23, 0, tzinfo=UTC)) == datetime(
        2026, 3, 30, 8, tzinfo=UTC
    )


def test_a_day_can_open_twice(db):
    set_opening_hours((["monday"], "09:00", "13:00"), (["monday"], "14:00", "18:00"))
    hours = clinic_hours()

    assert hours.status(at("2026-12-07", "12:00")) == "Open now, until 1pm"
    assert hours.status(at("2026-12-07", "13:30")) == "Closed now, opens today at 2pm"
    assert hours.status(at("2026-12-07", "18:00")) == "Closed now, opens Monday 14 December at 9am"


def test_sessions_that_meet_are_one(db):
    set_opening_hours((["monday"], "09:00", "13:00"), (["monday"], "13:00", "17:30"))

    assert clinic_hours().status(at("2026-12-07", "12:00")) == "Open now, until 5:30pm"


def test_bank_holidays_close_the_clinic(week):
    hours = clinic_hours()

    assert not hours.is_open(at("2026-12-25"))  # Christmas Day, a Friday
    assert not hours.is_open(at("2026-12-28"))  # Boxing Day (substitute day), a Monday
    # Boxing Day itself falls on a Saturday: its bank holiday is the Monday, so Saturday opens as usual.
    assert hours.next_opening(at("2026-12-24", "20:00")) == at("2026-12-26", "09:00")
    assert hours.status(at("2026-12-26", "13:00")) == "Closed now, opens Tuesday at 9am"


def test_a_closure_closes_the_clinic_on_every_day_it_covers(week):
    make_closure("2026-12-24", "2026-12-26", reason="Christmas")
    hours = clinic_hours()

    assert not hours.is_open(at("2026-12-24"))
    assert not hours.is_open(at("2026-12-26", "10:00"))
    assert hours.next_opening(at("2026-12-23", "20:00")) == at("2026-12-29", "09:00")
    assert hours.status(at("2026-12-23", "20:00")) == "Closed now, opens Tuesday at 9am"


def test_a_closure_is_read_with_the_clinic_details_in_one_query(week, django_assert_num_queries):
    make_closure("2026-12-24", "2026-12-26")
    site = Site.objects.get(is_default_site=True)

    with django_assert_num_queries(1):
        hours = ClinicHours.of(ClinicSettings.for_site(site))
        assert not hours.is_open(at("2026-12-24"))


def test_with_no_hours_set_there_is_no_status(db):
    hours = clinic_hours()

    assert not hours.has_hours
    assert hours.status(at("2026-12-04", "10:00")) == ""
    assert hours.statuses(at("2026-12-04"), at("2026-12-05")) == []


def test_statuses_hold_between_changes_and_change_at_midnight(week):
    statuses = clinic_hours().statuses(at("2026-12-04", "10:00"), at("2026-12-05", "10:00"))

    assert [
        (begins.strftime("%a %H:%M"), ends.strftime("%a %H:%M"), text) for begins, ends, text in statuses
    ] == [
        ("Fri 00:00", "Fri 09:00", "Closed now, opens today at 9am"),
        ("Fri 09:00", "Fri 20:00", "Open now, until 8pm"),
        ("Fri 20:00", "Sat 00:00", "Closed now, opens tomorrow at 9am"),
        ("Sat 00:00", "Sat 09:00", "Closed now, opens today at 9am"),
        ("Sat 09:00", "Sat 13:00", "Open now, until 1pm"),
    ]


def test_the_table_puts_days_with_the_same_hours_on_one_row(week):
    rows = [
        (days, [(o.strftime("%H:%M"), c.strftime("%H:%M")) for o, c in s])
        for days, s in clinic_hours().rows()
    ]

    assert rows == [
        ("Monday to Friday", [("09:00", "20:00")]),
        ("Saturday", [("09:00", "13:00")]),
        ("Sunday", []),
    ]


def test_opening_hours_as_schema_org_data(week):
    make_closure("2026-12-24", "2026-12-26", reason="Christmas")
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))

    data = opening_hours_specification(details, today=date(2026, 12, 20))

    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{day.capitalize()}" for day in WEEKDAYS],
            "opens": "09:00",
            "closes": "20:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Saturday"],
            "opens": "09:00",
            "closes": "13:00",
        },
    ]
    special = data["specialOpeningHoursSpecification"]
    closed_all_day = {"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00"}
    assert special[:3] == [
        {**closed_all_day, "name": "Christmas", "validFrom": "2026-12-24", "validThrough": "2026-12-26"},
        {
            **closed_all_day,
            "name": "Boxing Day (substitute day)",
            "validFrom": "2026-12-28",
            "validThrough": "2026-12-28",
        },
        {**closed_all_day, "name": "New Year's Day", "validFrom": "2027-01-01", "validThrough": "2027-01-01"},
    ]
    # The bank holidays of the year ahead, and no further.
    assert special[-1]["validFrom"] == "2027-08-30"


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        ([(["monday"], "20:00", "09:00")], "Closing time must be after opening."),
        ([(["monday"], "09:00", "09:00")], "Closing time must be after opening."),
        (
            [(WEEKDAYS, "09:00", "20:00"), (["friday"], "18:00", "21:00")],
            "Two rows give Friday times that overlap.",
        ),
    ],
)
def test_the_editor_refuses_hours_that_cannot_be(rows, error):
    block = OpeningHoursBlock()
    value = block.to_python(
        [{"type": "session", "value": {"days": days, "opens": o, "closes": c}} for days, o, c in rows]
    )

    with pytest.raises(ValidationError) as refused:
        block.clean(value)

    assert error in str(refused.value.as_json_data())


def test_the_editor_takes_a_day_that_opens_twice():
    block = OpeningHoursBlock()
    rows = [(["monday"], "09:00", "13:00"), (["monday"], "13:00", "18:00")]
    value = block.to_python(
        [{"type": "session", "value": {"days": days, "opens": o, "closes": c}} for days, o, c in rows]
    )

    assert len(block.clean(value)) == 2
