"""
How long enquiries are kept, and the deletion that keeps the privacy notice's promise.

Closed enquiries go ``ENQUIRIES_RETENTION_DAYS`` after they were closed (default
365: "deleted after 12 months"); spam goes ``ENQUIRIES_SPAM_RETENTION_DAYS``
after it arrived (default 30). ``manage.py purge_enquiries`` runs ``purge`` daily.

An enquiry that is still open (new, in progress, waiting for the patient) is
never purged, however old: the clinic still owes the patient an answer, and the
retention clock starts only when staff close it. Spam (``Enquiry.objects.spam()``)
that staff have left alone, marked as spam or suspected and still "new", waits
outside the inbox and goes unless staff rescue it; once staff move a
suspected-spam enquiry on, it is kept like any other enquiry, so a real patient
is never deleted on a guess.

Each deletion is written to Wagtail's log first ("enquiries.purge"). Those rows
keep only the reference and the reason, never what the patient wrote.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from wagtail.log_actions import log

from enquiries.models import Enquiry, Status

logger = logging.getLogger(__name__)


def expired_closed(now):
    """Closed enquiries closed longer ago than the retention period."""
    cutoff = now - timedelta(days=settings.ENQUIRIES_RETENTION_DAYS)
    # save() always stamps closed_at; a row closed by a bulk UPDATE may lack it,
    # and its last change is then the closest date we have.
    closed_before = Q(closed_at__lt=cutoff) | Q(closed_at=None, updated_at__lt=cutoff)
    return Enquiry.objects.filter(closed_before, status=Status.CLOSED)


def expired_spam(now):
    """Spam left alone (marked as spam, or suspected and still new) for longer than its retention period."""
    cutoff = now - timedelta(days=settings.ENQUIRIES_SPAM_RETENTION_DAYS)
    left_alone = Enquiry.objects.spam().filter(status__in=[Status.SPAM, Status.NEW])
    return left_alone.filter(created_at__lt=cutoff)


# The reason recorded in the log for each kind of expiry; the two never overlap.
EXPIRED = {"retention": expired_closed, "spam": expired_spam}


def purge(now, dry_run=False):
    """
    Delete expired enquiries (their notes go with them) and return how many went,
    or with ``dry_run`` would go, by reason: ``{"retention": n, "spam": n}``.
    """
    counts = {}
    with transaction.atomic():
        for reason, expired in EXPIRED.items():
            if dry_run:
                counts[reason] = expired(now).count()
                continue
            # Locking re-checks each row, so one reopened meanwhile is left alone.
            enquiries = list(expired(now).select_for_update().only("pk", "reference"))
            for enquiry in enquiries:
                log(
                    instance=enquiry,
                    action="enquiries.purge",
                    user=None,
                    data={"reason": reason},
                    deleted=True,
                )
            Enquiry.objects.filter(pk__in=[enquiry.pk for enquiry in enquiries]).delete()
            counts[reason] = len(enquiries)
    logger.info(
        "%s enquiries: %d closed past retention, %d spam.",
        "Would purge" if dry_run else "Purged",
        counts["retention"],
        counts["spam"],
    )
    return counts
