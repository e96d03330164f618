"""
When the clinic is open: the one rule for the opening hours, closures, bank
holidays and working days, in the clinic's time (Europe/London).

The week comes from Settings > Clinic details (``ClinicSettings.opening_hours``).
On top of it the clinic is closed all day on the bank holidays of England and
Wales, from the ``holidays`` package as GOV.UK lists them (a holiday that falls
on a weekend moves to a weekday, the "substitute day"), and on the closures
under Settings > Closures. Bank holidays need no editing, and nothing to forget
in the page cache: the package knows them years ahead, so a page built today
already has them.

Working days, which reply targets count, are Monday to Friday except bank
holidays and closures, whatever the week's hours.
"""

import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import holidays

from django.utils import timezone
from django.utils.formats import date_format

from clinic.blocks import WEEKDAY_CHOICES

WEEKDAYS = [name for name, _ in WEEKDAY_CHOICES]
SATURDAY = 5
BANNER_DAYS = 14  # a closure is announced on every page this many days ahead
LOOK_AHEAD_DAYS = 366  # a year: how far "when does it next open" and the schema.org closures look
SCHEMA_DAY = "https://schema.org/{}"

# GOV.UK's names, where the package's differ.
BANK_HOLIDAY_NAMES = {
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
}


def clinic_time(moment):
    return timezone.localtime(moment, timezone.get_default_timezone())


def start_of(day):
    """Midnight at the start of ``day``, in the clinic's time."""
    return datetime.combine(day, time(0), tzinfo=timezone.get_default_timezone())


def spoken_time(value):
    """9am, 1:30pm, midday: as GOV.UK writes times."""
    if value == time(12):
        return "midday"
    if value == time(0):
        return "midnight"
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{value.hour % 12 or 12}{minutes}{'am' if value.hour < 12 else 'pm'}"


def date_range(first_day, last_day):
    """Friday 25 December; 24–26 December; 30 November – 2 December; 31 December 2026 – 1 January 2027."""
    if first_day == last_day:
        return date_format(first_day, "l j F")
    if first_day.year != last_day.year:
        return f"{date_format(first_day, 'j F Y')} – {date_format(last_day, 'j F Y')}"
    if first_day.month != last_day.month:
        return f"{date_format(first_day, 'j F')} – {date_format(last_day, 'j F')}"
    return f"{first_day.day}–{date_format(last_day, 'j F')}"


@dataclass(frozen=True, order=True)
class ClosedPeriod:
    """Days the clinic is closed all day: a closure, or a bank holiday."""

    first_day: date
    last_day: date
    reason: str
    note: str = ""
    bank_holiday: bool = False

    def __contains__(self, day):
        return self.first_day <= day <= self.last_day

    @property
    def text(self):
        """What patients read: "Closed 24–26 December for Christmas"."""
        reason = self.reason
        if self.bank_holiday and reason.endswith("bank holiday"):
            reason = f"the {reason}"
        return f"Closed {date_range(self.first_day, self.last_day)} for {reason}"

    @classmethod
    def of(cls, closure):
        return cls(closure.first_day, closure.last_day, closure.reason, closure.note)


@functools.cache
def bank_holidays(year):
    """England and Wales's bank holidays in ``year``, as GOV.UK lists them (weekdays only)."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=year)
    periods = []
    for day, names in sorted(found.items()):
        if day.weekday() >= SATURDAY:
            continue  # its substitute day is the bank holiday
        base, observed, _ = names.split("; ")[0].partition(" (observed)")
        name = BANK_HOLIDAY_NAMES.get(base, base) + (" (substitute day)" if observed else "")
        periods.append(ClosedPeriod(day, day, name, bank_holiday=True))
    return tuple(periods)


class ClosedDays:
    """
    The days the clinic is closed all day. Closures come from the database once,
    all those ending on or after ``known_from``; asked about an earlier day, it
    reads them again from a year before it.
    """

    def __init__(self, closures=None, known_from=None):
        self.known_from = known_from or timezone.localdate()
        if closures is None:
            closures = self._read(self.known_from)
        self.closures = sorted(closures)

    @classmethod
    def of(cls, details):
        """From the closures ``ClinicSettings`` read with the clinic's details (see its ``base_queryset``)."""
        rows = getattr(details, "coming_closures", ...)
        if rows is ...:  # the details were made or read some other way
            return cls()
        closures = [
            ClosedPeriod(
                date.fromisoformat(r["first_day"]), date.fromisoformat(r["last_day"]), r["reason"], r["note"]
            )
            for r in rows or []
        ]
        # Read today, or earlier and kept in the shared cache: either way every closure not over by today.
        return cls(closures, known_from=timezone.localdate())

    @staticmethod
    def _read(known_from):
        from clinic.models import Closure

        return [ClosedPeriod.of(closure) for closure in Closure.objects.filter(last_day__gte=known_from)]

    def _know(self, day):
        if day < self.known_from:
            self.known_from = day - timedelta(days=LOOK_AHEAD_DAYS)
            self.closures = sorted(self._read(self.known_from))

    def closure_on(self, day):
        """The closure or bank holiday that closes the clinic on ``day``, or None."""
        self._know(day)
        for period in self.closures:
            if day in period:
                return period
        for period in bank_holidays(day.year):
            if period.first_day == day:
                return period
        return None

    def __contains__(self, day):
        return self.closure_on(day) is not None

    def coming(self, today, days):
        """Closures and bank holidays not over by ``today`` that begin within ``days`` days of it."""
        self._know(today)
        last = today + timedelta(days=days)
        periods = [p for p in self.closures if p.last_day >= today and p.first_day <= last]
        for year in range(today.year, last.year + 1):
            periods += [
                holiday
                for holiday in bank_holidays(year)
                if today <= holiday.first_day <= last
                and not any(holiday.first_day in p for p in self.closures)
            ]
        return sorted(periods)

    def is_working_day(self, day):
        return day.weekday() < SATURDAY and day not in self


@dataclass
class ClinicHours:
    """The clinic's week, with the days it is closed: open or not at a moment, and when it next opens."""

    week: list  # for each day from Monday, its (opens, closes) times in order
    closed_days: ClosedDays

    @classmethod
    def of(cls, details):
        """The hours set in ``ClinicSettings`` (Settings > Clinic details)."""
        week = [[] for _ in WEEKDAYS]
        for block in details.opening_hours:
            for name in block.value["days"]:
                week[WEEKDAYS.index(name)].append((block.value["opens"], block.value["closes"]))
        return cls([merged(sessions) for sessions in week], ClosedDays.of(details))

    @property
    def has_hours(self):
        return any(self.week)

    def sessions_on(self, day):
        """The (opens, closes) moments of ``day``; none on a bank holiday or closure."""
        sessions = self.week[day.weekday()]
        if not sessions or day in self.closed_days:
            return []
        zone = timezone.get_default_timezone()
        return [(datetime.combine(day, o, zone), datetime.combine(day, c, zone)) for o, c in sessions]

    def closes_at(self, moment):
        """When the session open at ``moment`` ends, or None if the clinic is closed then."""
        moment = clinic_time(moment)
        for opens, closes in self.sessions_on(moment.date()):
            if opens <= moment < closes:
                return closes
        return None

    def is_open(self, moment):
        return self.closes_at(moment) is not None

    def next_opening(self, moment):
        """The first time after ``moment`` the clinic opens, looking a year ahead; None if it never does."""
        moment = clinic_time(moment)
        for offset in range(LOOK_AHEAD_DAYS + 1):
            for opens, _ in self.sessions_on(moment.date() + timedelta(days=offset)):
                if opens > moment:
                    return opens
        return None

    def status(self, moment):
        """ "Open now, until 8pm", "Closed now, opens Monday at 9am"; empty if no hours are set."""
        if not self.has_hours:
            return ""
        closes = self.closes_at(moment)
        if closes is not None:
            return f"Open now, until {spoken_time(closes.time())}"
        opens = self.next_opening(moment)
        if opens is None:
            return "Closed now"
        when = day_words(opens.date(), clinic_time(moment).date())
        return f"Closed now, opens {when} at {spoken_time(opens.time())}"

    def statuses(self, start, end):
        """
        ``(from, until, status)`` from the midnight before ``start`` to ``end``: the
        status only changes when a session begins or ends, or at midnight ("opens
        tomorrow" becomes "opens today"), so between those it holds throughout.
        """
        if not self.has_hours:
            return []
        day, last_day = clinic_time(start).date(), clinic_time(end).date()
        changes = []
        while day <= last_day + timedelta(days=1):
            changes.append(start_of(day))
            changes += [moment for session in self.sessions_on(day) for moment in session]
            day += timedelta(days=1)
        periods = []
        for begins, ends in zip(changes, changes[1:], strict=False):
            if begins >= ends or begins > end:
                continue
            text = self.status(begins)
            if periods and periods[-1][2] == text:
                periods[-1] = (periods[-1][0], ends, text)
            else:
                periods.append((begins, ends, text))
        return periods

    def rows(self):
        """The week as a table reads it: consecutive days with the same hours on one row."""
        rows = []
        for number, sessions in enumerate(self.week):
            if rows and rows[-1][2] == sessions:
                rows[-1][1] = number
            else:
                rows.append([number, number, sessions])
        return [(days_words(first, last), sessions) for first, last, sessions in rows]


def merged(sessions):
    """Sessions in order, with any that meet (9am to 1pm, 1pm to 5pm) made one."""
    result = []
    for opens, closes in sorted(sessions):
        if result and opens <= result[-1][1]:
            result[-1] = (result[-1][0], max(closes, result[-1][1]))
        else:
            result.append((opens, closes))
    return result


def day_words(day, today):
    """Today, tomorrow, Monday (within the week), or Monday 4 January."""
    ahead = (day - today).days
    if ahead == 0:
        return "today"
    if ahead == 1:
        return "tomorrow"
    if ahead < 7:
        return date_format(day, "l")
    return date_format(day, "l j F")


def days_words(first, last):
    """Monday, Monday and Tuesday, Monday to Friday."""
    names = [WEEKDAYS[first].capitalize(), WEEKDAYS[last].capitalize()]
    if first == last:
        return names[0]
    return " and ".join(names) if last == first + 1 else " to ".join(names)


def opening_hours_specification(details, today=None):
    """
    The hours in ``details`` (ClinicSettings) as schema.org's
    ``openingHoursSpecification`` and, for the closures and bank holidays of
    the year ahead, ``specialOpeningHoursSpecification`` (closed all day: opens
    and closes at 00:00), ready for JSON-LD: ``{"@type": "MedicalClinic", **it}``.
    """
    hours = ClinicHours.of(details)
    today = today or timezone.localdate()
    days_by_session = {}
    for number, sessions in enumerate(hours.week):
        for session in sessions:
            days_by_session.setdefault(session, []).append(number)
    regular = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [SCHEMA_DAY.format(WEEKDAYS[d].capitalize()) for d in days],
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        for (opens, closes), days in sorted(days_by_session.items(), key=lambda item: (item[1][0], item[0]))
    ]
    special = [
        {
            "@type": "OpeningHoursSpecification",
            "name": period.reason,
            "validFrom": period.first_day.isoformat(),
            "validThrough": period.last_day.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        }
        for period in hours.closed_days.coming(today, LOOK_AHEAD_DAYS - 1)
    ]
    return {"openingHoursSpecification": regular, "specialOpeningHoursSpecification": special}


# Working days


def add_working_days(moment, days, closed_days=None):
    """
    The same time of day ``days`` working days later; from a day that is not a
    working day, counting starts at the beginning of the next one.
    """
    moment = clinic_time(moment)
    if closed_days is None:
        closed_days = ClosedDays(known_from=moment.date())
    while not closed_days.is_working_day(moment.date()):
        moment = start_of(moment.date() + timedelta(days=1))
    for _ in range(days):
        moment += timedelta(days=1)  # by the clock on the wall, across a change to or from summer time
        while not closed_days.is_working_day(moment.date()):
            moment += timedelta(days=1)
    return moment


def subtract_working_days(moment, days, closed_days=None):
    """
    The cut-off for "received longer ago than ``days`` working days": anything
    received at or before it has ``add_working_days(received, days) <= moment``.
    """
    moment = clinic_time(moment)
    if closed_days is None:
        closed_days = ClosedDays(known_from=moment.date() - timedelta(days=LOOK_AHEAD_DAYS))
    if not closed_days.is_working_day(moment.date()):
        # No deadline falls on a day off: the last one that can have passed is the working day before's.
        day = moment.date() - timedelta(days=1)
        while not closed_days.is_working_day(day):
            day -= timedelta(days=1)
        moment = start_of(day + timedelta(days=1)) - timedelta(microseconds=1)
    for _ in range(days):
        moment -= timedelta(days=1)
        while not closed_days.is_working_day(moment.date()):
            moment -= timedelta(days=1)
    return moment
