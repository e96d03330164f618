"""
The conversation with a patient: staff replies, the secure link and its
one-time code, and the patient's answer.

A reply is stored on the enquiry's thread with its email in the outbox, in one
transaction, so it is retried until it goes and never lost. By default the
email says only that the clinic has replied, with a signed link that expires
(``ENQUIRIES_REPLY_LINK_DAYS``). The link alone opens nothing: the patient asks
for a one-time code, which is emailed to the enquiry's own address, so only
someone who reads that mailbox can read the reply. The confirmed code opens the
conversation in that browser's session for ``ENQUIRIES_REPLY_ACCESS_MINUTES``.

Nothing here logs or emails what anyone wrote: the log gets the message's id,
staff alerts the reference and an admin link.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from wagtail.log_actions import log

from enquiries import tasks
from enquiries.models import (
    AccessCode,
    EmailKind,
    Enquiry,
    MessageDirection,
    OutboxEmail,
    ReplyDelivery,
    Status,
    ThreadMessage,
)

logger = logging.getLogger(__name__)

LINK_SALT = "enquiries.reply-link"
CODE_SALT = "enquiries.access-code"
CODE_DIGITS = 6
# A code stops working after this many wrong tries; a new one must be asked for.
CODE_MAX_FAILED_ATTEMPTS = 5
# At most this many codes an hour for one enquiry: enough for a patient, too few to guess with.
CODES_PER_HOUR = 5
ACCESS_SESSION_KEY = "enquiries.reply_access"
# The same answer sent again within this time is the same answer (a double click, a resent page).
RESEND_WINDOW = timedelta(minutes=10)


# Replies and answers.


def send_reply(enquiry, author, text, delivery=ReplyDelivery.LINK, mark_waiting=True):
    """
    Add a staff reply to the thread and queue its email; with ``mark_waiting``
    the enquiry moves to "waiting for patient". Returns the message.
    """
    with transaction.atomic():
        enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
        status_before = enquiry.status
        message = ThreadMessage.objects.create(
            enquiry=enquiry,
            direction=MessageDirection.TO_PATIENT,
            author=author,
            text=text,
            delivery=delivery,
        )
        email = add_email(message, EmailKind.REPLY)
        if mark_waiting:
            enquiry.status = Status.WAITING
        # A reply is an answer, whatever the status staff leave it in.
        enquiry.first_answered_at = enquiry.first_answered_at or message.created_at
        enquiry.save()
        log(
            enquiry,
            "enquiries.reply",
            user=author,
            data={
                "message_id": message.pk,
                "delivery": delivery,
                "status": [status_before, enquiry.status] if status_before != enquiry.status else None,
            },
        )
        tasks.queue_emails_with_transaction([email.pk])
    return message


def record_patient_answer(enquiry, text):
    """
    Add the patient's answer to the thread, put the enquiry back in the inbox as
    "patient replied" (reopening it if it was closed), and alert staff.
    """
    with transaction.atomic():
        enquiry = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
        # Send pressed twice, or the page sent again: the answer is stored once.
        already_sent = enquiry.thread.filter(
            direction=MessageDirection.FROM_PATIENT,
            text=text,
            created_at__gt=timezone.now() - RESEND_WINDOW,
        ).first()
        if already_sent is not None:
            return already_sent
        message = ThreadMessage.objects.create(
            enquiry=enquiry, direction=MessageDirection.FROM_PATIENT, text=text
        )
        email = add_email(message, EmailKind.PATIENT_REPLY_ALERT)
        enquiry.status = Status.PATIENT_REPLIED
        enquiry.save()
        log(enquiry, "enquiries.patient_answer", user=None, data={"message_id": message.pk})
        tasks.queue_emails_with_transaction([email.pk])
    logger.info("A patient answered enquiry %s through the reply page.", enquiry.reference)
    return message


def add_email(message, kind):
    now = timezone.now()
    return OutboxEmail.objects.create(
        enquiry=message.enquiry, message=message, kind=kind, created_at=now, next_attempt_at=now
    )


def mark_read(messages):
    """
    The patient has seen these messages: stamp the clinic's replies among them
    not yet read, in one query (none when nothing is new). The stamp, shown on
    the thread, is the record; the patient's own reading is not an access to audit.
    """
    unread = [message.pk for message in messages if not message.from_patient and message.read_at is None]
    if unread:
        ThreadMessage.objects.filter(pk__in=unread, read_at=None).update(read_at=timezone.now())


def conversation(enquiry):
    """What the patient sees: the replies and their own answers, never staff notes."""
    return ThreadMessage.objects.filter(enquiry=enquiry).select_related("author")


# The link.


def link_max_age():
    return timedelta(days=settings.ENQUIRIES_REPLY_LINK_DAYS)


def link_token(message):
    """A signed, timestamped token naming the reply; it holds the message's id and nothing personal."""
    return signing.dumps(message.pk, salt=LINK_SALT)


def link_expires_at(message):
    return message.created_at + link_max_age()


def message_for_token(token):
    """
    The reply a link names, or None when the link is tampered with, guessed,
    expired, or its enquiry has gone: all alike, so a link reveals nothing.
    """
    try:
        message_id = signing.loads(token, salt=LINK_SALT, max_age=link_max_age())
    except signing.BadSignature:
        return None
    if not isinstance(message_id, int):
        return None
    return (
        ThreadMessage.objects.filter(pk=message_id, direction=MessageDirection.TO_PATIENT)
        .select_related("enquiry")
        .first()
    )


# One-time codes.


def code_hash(code_id, code):
    return salted_hmac(CODE_SALT, f"{code_id}:{code}", algorithm="sha256").hexdigest()


def issue_code(enquiry, now=None):
    """
    A new one-time code for ``enquiry`` as ``(row, code)``, or None when too
    many were asked for within the hour. Earlier unused codes stop working, so
    only the newest email counts. Only the code's hash is stored.
    """
    now = now or timezone.now()
    with transaction.atomic():
        Enquiry.objects.select_for_update().filter(pk=enquiry.pk).first()
        recent = AccessCode.objects.filter(enquiry=enquiry, created_at__gt=now - timedelta(hours=1))
        if recent.count() >= CODES_PER_HOUR:
            return None
        AccessCode.objects.filter(enquiry=enquiry, used_at=None).update(expires_at=now)
        code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
        row = AccessCode(
            enquiry=enquiry,
            created_at=now,
            expires_at=now + timedelta(minutes=settings.ENQUIRIES_ACCESS_CODE_MINUTES),
        )
        row.code_hash = code_hash(row.pk, code)
        row.save(force_insert=True)
    return row, code


class CodeCheck:
    ACCEPTED = "accepted"
    WRONG = "wrong"
    # No code to check against: none asked for, expired, used, or too many wrong tries.
    NO_CODE = "no_code"


def check_code(enquiry, typed, now=None):
    """
    Whether ``typed`` is the enquiry's current code. A code works once, until it
    expires, and stops after ``CODE_MAX_FAILED_ATTEMPTS`` wrong tries.
    """
    now = now or timezone.now()
    typed = "".join(typed.split())
    current = (
        AccessCode.objects.filter(
            enquiry=enquiry,
            used_at=None,
            expires_at__gt=now,
            failed_attempts__lt=CODE_MAX_FAILED_ATTEMPTS,
        )
        .order_by("-created_at")
        .first()
    )
    if current is None:
        return CodeCheck.NO_CODE
    if not constant_time_compare(code_hash(current.pk, typed), current.code_hash):
        AccessCode.objects.filter(pk=current.pk).update(failed_attempts=F("failed_attempts") + 1)
        return CodeCheck.WRONG
    # Taken by one UPDATE, so a code sent twice at once opens the replies only once.
    if not AccessCode.objects.filter(pk=current.pk, used_at=None).update(used_at=now):
        return CodeCheck.NO_CODE
    return CodeCheck.ACCEPTED


# Access in the patient's browser session.


def grant_access(request, enquiry):
    """After a confirmed code: this browser may read the enquiry's conversation for a while."""
    request.session.cycle_key()
    until = timezone.now() + timedelta(minutes=settings.ENQUIRIES_REPLY_ACCESS_MINUTES)
    grants = dict(request.session.get(ACCESS_SESSION_KEY, {}))
    grants[str(enquiry.pk)] = until.timestamp()
    request.session[ACCESS_SESSION_KEY] = grants


def has_access(request, enquiry):
    until = request.session.get(ACCESS_SESSION_KEY, {}).get(str(enquiry.pk))
    return until is not None and until > timezone.now().timestamp()
