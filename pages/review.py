"""
The review cycle of health pages, NHS style: each has an owner, the date it was
last reviewed and how often it must be, and is due again that long after.
"""

import calendar
import datetime

from django.utils import timezone

# How soon before its date a review shows as due (in the report and the reminder).
DUE_SOON_DAYS = 30


def add_months(day, months):
    """The same day ``months`` later, or the month's last day if it has fewer (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def review_status(last_reviewed, interval_months, today=None):
    """``(next due date or None, status)``; status is "never reviewed", "overdue", "due soon" or "current"."""
    today = today or timezone.localdate()
    if last_reviewed is None:
        return None, "never reviewed"
    due = add_months(last_reviewed, interval_months)
    if due < today:
        return due, "overdue"
    if due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return due, "due soon"
    return due, "current"


def pages_for_review(today=None, include_current=False):
    """
    Live health pages whose review is overdue, due within ``DUE_SOON_DAYS`` or
    never done (and, with ``include_current``, every other one), soonest first.
    Each comes with ``next_review_due`` and ``review_status`` set.
    """
    from pages.models import ReviewedPage

    today = today or timezone.localdate()
    found = []
    for model in ReviewedPage.__subclasses__():
        for page in model.objects.live().select_related("page_owner").order_by("path"):
            due, status = review_status(page.last_reviewed, page.review_interval_months, today)
            if include_current or status != "current":
                found.append(page)
    never = datetime.date.min
    return sorted(found, key=lambda page: (page.next_review_due or never, page.title))
