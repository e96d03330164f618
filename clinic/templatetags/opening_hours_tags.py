"""
The opening hours, the "Open now" line and the closure banner, for templates::

    {% load opening_hours_tags %}
    {% clinic_hours clinic as hours %}   {# clinic: the ClinicSettings #}

A page can be served from the page cache, then a CDN's and a browser's, for as
long as ``page_lifetime()`` after it was made, and forgotten only when
something changes, not when the clock moves on. So what depends on the time
of day is written for all of that time: each status with the moments it is
right between, for ``clinic/static/js/opening-hours.js`` to show the one that
is right when the page is read. Without JavaScript the status stays hidden,
and the banner shows the closures that were coming when the page was made;
their dates keep them true.
"""

from dataclasses import dataclass
from datetime import UTC, timedelta

from django import template
from django.conf import settings
from django.utils import timezone

from clinic import hours

register = template.Library()

register.filter("spoken_time", hours.spoken_time)


def page_lifetime():
    """The longest a page can be kept: by the page cache, then a CDN or a browser."""
    return timedelta(
        seconds=settings.PAGE_CACHE_TIMEOUT
        + max(settings.PAGE_CACHE_SHARED_MAX_AGE, settings.PAGE_CACHE_BROWSER_MAX_AGE)
    )


def iso(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Timed:
    """Something a page says only between two moments."""

    text: str
    shown_from: str
    shown_until: str
    shown: bool  # when the page is made
    note: str = ""


@dataclass
class HoursOnPage:
    rows: list  # (days, [(opens, closes)]) for the table
    note: str
    statuses: list  # Timed: "Open now, until 8pm"...
    closures: list  # Timed: "Closed 24–26 December for Christmas"

    @property
    def closure_shown(self):
        return any(closure.shown for closure in self.closures)


@register.simple_tag
def clinic_hours(details):
    """What the page says of the hours; worked out once for each ``details`` (each request's)."""
    if not hasattr(details, "_hours_on_page"):
        details._hours_on_page = hours_on_page(details)
    return details._hours_on_page


def hours_on_page(details):
    now = timezone.now()
    until = now + page_lifetime()
    clinic = hours.ClinicHours.of(details)
    today = timezone.localdate(now)
    # The footer that shows them is kept for the rest of the day (base.html),
    # and a page made from it at the day's last moment lives on after that.
    statuses_until = hours.start_of(today + timedelta(days=1)) + page_lifetime()
    statuses = [
        Timed(text, iso(begins), iso(ends), shown=False)  # only ever shown by the script
        for begins, ends, text in clinic.statuses(now, statuses_until)
    ]
    closures = []
    for period in clinic.closed_days.coming(today, hours.BANNER_DAYS + page_lifetime().days + 1):
        shown_from = hours.start_of(period.first_day - timedelta(days=hours.BANNER_DAYS))
        shown_until = hours.start_of(period.last_day + timedelta(days=1))
        if shown_from < until:
            shown = shown_from <= now < shown_until
            closures.append(Timed(period.text, iso(shown_from), iso(shown_until), shown, period.note))
    rows = clinic.rows() if clinic.has_hours else []
    return HoursOnPage(rows, details.opening_hours_note.strip(), statuses, closures)
