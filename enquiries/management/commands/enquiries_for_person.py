"""
A person's rights over their enquiries: a copy of everything held (subject
access) or its deletion (erasure), found by the email address they wrote from.

Both are written to Wagtail's log against each enquiry ("enquiries.subject_access",
"enquiries.erase"); the log keeps the reference only. The copy itself goes to
stdout for the operator to send to the person, and is never logged.
"""

import json
import logging
import sys

from phonenumber_field.phonenumber import PhoneNumber

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from clinic import phone
from enquiries.models import Enquiry

logger = logging.getLogger(__name__)

CONFIRMATION = "erase"


class RecordEncoder(DjangoJSONEncoder):
    """Django's JSON, with telephone numbers as people write them."""

    def default(self, o):
        if isinstance(o, PhoneNumber):
            return phone.display(o)
        return super().default(o)


def username(user):
    return user.get_username() if user else None


def enquiry_records(enquiries):
    """
    Every stored field of each enquiry, with its notes, the conversation (the
    clinic's replies and the person's answers), the emails sent about it and its history.
    """
    history = ModelLogEntry.objects.get_for_model(Enquiry).filter(
        object_id__in=[str(enquiry.pk) for enquiry in enquiries]
    )
    entries_by_enquiry = {}
    for entry in history.select_related("user").order_by("timestamp", "pk"):
        entries_by_enquiry.setdefault(entry.object_id, []).append(
            {
                "action": entry.action,
                "description": str(entry.message),
                "timestamp": entry.timestamp,
                "user": username(entry.user),
            }
        )
    return [
        {
            **{field.name: field.value_from_object(enquiry) for field in Enquiry._meta.concrete_fields},
            "treatment": enquiry.treatment.title if enquiry.treatment else None,
            "assignee": username(enquiry.assignee),
            "notes": [
                {"text": note.text, "author": username(note.author), "created_at": note.created_at}
                for note in enquiry.notes.all()
            ],
            "conversation": [
                {
                    "from": "patient" if message.from_patient else "clinic",
                    "author": username(message.author),
                    "text": message.text,
                    "delivery": message.get_delivery_display() if message.delivery else None,
                    "created_at": message.created_at,
                    "read_at": message.read_at,
                }
                for message in enquiry.thread.all()
            ],
            "emails": [
                {
                    "kind": email.get_kind_display(),
                    "sent_at": email.sent_at,
                    "failed_attempts": email.attempts,
                }
                for email in enquiry.emails.all()
            ],
            "history": entries_by_enquiry.get(str(enquiry.pk), []),
        }
        for enquiry in enquiries
    ]


class Command(BaseCommand):
    help = (
        "Print as JSON everything held about the person who wrote from --email (a subject access "
        "request), or with --erase delete it after confirmation. Both are recorded in Wagtail's log."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The person's email address (any case).")
        parser.add_argument(
            "--erase",
            action="store_true",
            help="Delete the person's enquiries, notes and conversation instead of printing them.",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Erase without asking for confirmation (for scripts).",
        )

    def handle(self, *args, email, erase, interactive, **options):
        self.stdin = options.get("stdin", sys.stdin)
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            # Not echoed: whatever was typed may still be someone's personal data.
            raise CommandError("--email is not a valid email address.") from None

        enquiries = list(
            Enquiry.objects.filter(email__iexact=email)
            .select_related("treatment", "assignee")
            .prefetch_related("notes__author", "thread__author", "emails")
            .order_by("created_at", "pk")
        )
        if not enquiries:
            self.stdout.write("No enquiries are held for that email address.")
            return
        if erase:
            self.erase(enquiries, interactive)
        else:
            self.report(email, enquiries)

    def report(self, email, enquiries):
        report = {"email": email, "generated_at": timezone.now(), "enquiries": enquiry_records(enquiries)}
        # Recorded before anything is shown, so no copy leaves unrecorded.
        with transaction.atomic():
            for enquiry in enquiries:
                log(instance=enquiry, action="enquiries.subject_access", user=None)
        logger.info("Subject access: %d enquiries reported.", len(enquiries))
        self.stdout.write(json.dumps(report, cls=RecordEncoder, indent=2, ensure_ascii=False))

    def erase(self, enquiries, interactive):
        listing = ", ".join(f"{enquiry.reference} ({enquiry.get_status_display()})" for enquiry in enquiries)
        self.stdout.write(
            f"Enquiries to delete, with their notes and conversation: {len(enquiries)} ({listing})."
        )
        if interactive:
            self.stdout.write(f"Type '{CONFIRMATION}' to confirm: ", ending="")
            self.stdout.flush()
            if self.stdin.readline().strip() != CONFIRMATION:
                self.stdout.write("Nothing was deleted.")
                return
        with transaction.atomic():
            locked = list(
                Enquiry.objects.filter(pk__in=[enquiry.pk for enquiry in enquiries])
                .select_for_update()
                .only("pk", "reference")
            )
            for enquiry in locked:
                log(instance=enquiry, action="enquiries.erase", user=None, deleted=True)
            _, deleted = Enquiry.objects.filter(pk__in=[enquiry.pk for enquiry in locked]).delete()
        erased, notes = deleted.get("enquiries.Enquiry", 0), deleted.get("enquiries.EnquiryNote", 0)
        messages = deleted.get("enquiries.ThreadMessage", 0)
        logger.info(
            "Erasure: %d enquiries, %d notes and %d messages deleted at the person's request.",
            erased,
            notes,
            messages,
        )
        self.stdout.write(
            f"Enquiries deleted: {erased}; notes deleted: {notes}; messages deleted: {messages}."
        )
