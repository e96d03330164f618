"""
The weekly reminder to each page owner of the health pages whose review is due,
run by the task backend (``manage.py send_review_reminders`` queues them; cron
runs it each Monday). Page titles and admin links only: nothing about patients.
"""

import logging

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string

from pages.review import pages_for_review

logger = logging.getLogger(__name__)


def owners_with_pages_due(today=None):
    """``{owner id: [pages]}`` for every owner with an email address and a page due."""
    due = {}
    for page in pages_for_review(today):
        if page.page_owner_id and page.page_owner.email and page.page_owner.is_active:
            due.setdefault(page.page_owner_id, []).append(page)
    return due


@task()
def send_review_reminder(owner_id):
    """One owner's reminder, listing their pages due now; nothing if none are due any more."""
    owner = get_user_model().objects.filter(pk=owner_id, is_active=True).first()
    pages = owners_with_pages_due().get(owner_id, []) if owner else []
    if not pages:
        return False
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    body = render_to_string(
        "pages/emails/review_reminder.txt",
        {"owner": owner, "pages": pages, "admin_url": admin_url},
    )
    count = len(pages)
    subject = f"{count} health page{'s' if count != 1 else ''} due for review"
    send_mail(subject, body, None, [owner.email])
    logger.info("Review reminder sent to user %s for %s pages.", owner.pk, count)
    return True
