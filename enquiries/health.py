"""Readiness check for the enquiry emails (listed in ``settings.HEALTH_READINESS_CHECKS``)."""

from django.conf import settings
from django.db.models import Min

from enquiries.models import OutboxEmail
from health.checks import seconds_since


def unsent_emails():
    """
    Emails about enquiries that should have gone by now: the oldest one still
    unsent for longer than the threshold means mail is not leaving (the worker,
    cron or the mail server). Emails held with their spam do not count.
    """
    deliverable = OutboxEmail.objects.deliverable()
    oldest = seconds_since(deliverable.aggregate(oldest=Min("created_at"))["oldest"])
    return {
        "ok": (oldest or 0) <= settings.HEALTH_MAX_UNSENT_EMAIL_SECONDS,
        "unsent": deliverable.count(),
        "oldest_unsent_seconds": oldest,
    }
