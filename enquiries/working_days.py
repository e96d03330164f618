"""
Working-day arithmetic for the reply target, by the clinic's rule
(``clinic.hours``): Monday to Friday count, but not weekends, bank holidays in
England and Wales or the clinic's closures. Days are the clinic's
(Europe/London), not UTC's.
"""

from datetime import timedelta

from clinic import hours

add_working_days = hours.add_working_days
subtract_working_days = hours.subtract_working_days


def reply_due_on(received_at, working_days):
    """
    The day a reply is due by, for patients: the day of ``add_working_days``,
    or the working day before it when that is midnight, the end of that day.
    """
    due = add_working_days(received_at, working_days)
    if not working_days or due != hours.start_of(due.date()):
        return due.date()
    day = due.date() - timedelta(days=1)
    closed_days = hours.ClosedDays(known_from=day - timedelta(days=hours.LOOK_AHEAD_DAYS))
    while not closed_days.is_working_day(day):
        day -= timedelta(days=1)
    return day
