"""
Working days (clinic.hours), which reply targets count: Monday to Friday,
except bank holidays in England and Wales and the clinic's closures.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from clinic.hours import ClosedDays, ClosedPeriod, add_working_days, bank_holidays, subtract_working_days
from tests.factories import make_closure

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(day, clock="15:00"):
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=LONDON)


def test_bank_holidays_are_those_of_england_and_wales_as_gov_uk_lists_them():
    assert [(h.first_day.isoformat(), h.reason) for h in bank_holidays(2026)] == [
        ("2026-01-01", "New Year's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
    ]


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (at("2026-12-22"), 1, at("2026-12-23")),
        (at("2026-12-23"), 1, at("2026-12-24")),  # Thursday 24th is a working day
        (at("2026-12-24"), 1, at("2026-12-29")),  # not Christmas Day, the weekend or Boxing Day's substitute
        (at("2026-12-24"), 2, at("2026-12-30")),
        (
            at("2026-12-25", "10:00"),
            1,
            at("2026-12-30", "00:00"),
        ),  # from a bank holiday, counting starts Tuesday
        (at("2026-12-31"), 1, at("2027-01-04")),  # over New Year's Day and a weekend
    ],
)
def test_working_days_skip_weekends_and_bank_holidays_over_christmas(start, days, due):
    assert add_working_days(start, days) == due


def test_working_days_skip_the_clinics_closures(db):
    make_closure("2026-12-24", "2026-12-24", reason="Christmas Eve")

    assert add_working_days(at("2026-12-23"), 1) == at("2026-12-29")
    assert subtract_working_days(at("2026-12-29"), 1) == at("2026-12-23")


def test_closures_already_over_count_when_counting_back():
    make_closure("2026-12-24", "2026-12-24", reason="Christmas Eve")

    assert subtract_working_days(at("2027-01-05"), 5) == at("2026-12-23")


@pytest.mark.parametrize("days", [1, 2, 3])
def test_subtract_is_the_inverse_of_add_across_christmas(days):
    """Anything received at or before the cut-off is due by now, and anything after it is not."""
    closed_days = ClosedDays(
        [ClosedPeriod(date(2026, 12, 24), date(2026, 12, 24), "Christmas Eve")], known_from=date(2026, 1, 1)
    )
    start = at("2026-12-14", "00:00")
    for hours in range(0, 28 * 24, 5):
        now = start + timedelta(hours=hours)
        cutoff = subtract_working_days(now, days, closed_days)
        assert add_working_days(cutoff, days, closed_days) <= now
        after = cutoff + timedelta(minutes=1)
        if closed_days.is_working_day(after.date()):
            assert add_working_days(after, days, closed_days) > now
