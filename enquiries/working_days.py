"""
Working-day arithmetic for the reply target: Monday to Friday count, weekends
do not. Bank holidays are not known here; they make a target a day stricter.
Days are the clinic's (TIME_ZONE, Europe/London), not UTC's.
"""

from datetime import timedelta

from django.utils import timezone

SATURDAY = 5


def add_working_days(moment, days):
    """The same time of day ``days`` working days later; from a weekend, counting starts on Monday."""
    moment = timezone.localtime(moment)
    while moment.weekday() >= SATURDAY:
        moment = moment.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    for _ in range(days):
        moment += timedelta(days=1)
        while moment.weekday() >= SATURDAY:
            moment += timedelta(days=1)
    return moment


def subtract_working_days(moment, days):
    """
    The cut-off for "received longer ago than ``days`` working days": anything
    received at or before it has ``add_working_days(received, days) <= moment``.
    """
    moment = timezone.localtime(moment)
    if moment.weekday() >= SATURDAY:
        # No deadline falls on a weekend: the last one that can have passed is Friday's.
        moment -= timedelta(days=moment.weekday() - SATURDAY + 1)
        moment = moment.replace(hour=23, minute=59, second=59, microsecond=999999)
    for _ in range(days):
        moment -= timedelta(days=1)
        while moment.weekday() >= SATURDAY:
            moment -= timedelta(days=1)
    return moment
