"""
Patients' enquiries and the clinic's settings for them.

An enquiry is written once, by the patient, and never edited afterwards except
for its triage fields. The rules that matter (lengths, allowed values, unique
reference and submission token) are database constraints, not only form rules.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from clinic.phone import PhoneNumberField
from enquiries.canned_answers import PLACEHOLDERS, english_list, unknown_placeholders
from enquiries.working_days import subtract_working_days

# Crockford's base32 without the letters that look like digits (I, L, O, U).
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "CH-"
REFERENCE_LENGTH = 6
REFERENCE_PATTERN = rf"^{REFERENCE_PREFIX}[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}$"

NAME_MAX_LENGTH = 100
EMAIL_MAX_LENGTH = 254
PHONE_MAX_LENGTH = 30
MESSAGE_MAX_LENGTH = 2000
NOTE_MAX_LENGTH = 5000
REPLY_MAX_LENGTH = 5000
CANNED_ANSWER_MAX_LENGTH = 5000


def new_reference():
    """A short reference a patient can read out on the phone; random, so not guessable from the row id."""
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    WAITING = "waiting", "Waiting for patient"
    # The patient wrote back through the reply page: the enquiry is the clinic's turn again.
    PATIENT_REPLIED = "patient_replied", "Patient replied"
    CLOSED = "closed", "Closed"
    SPAM = "spam", "Spam"


class Outcome(models.TextChoices):
    BOOKED = "booked", "Booked"
    NOT_SUITABLE = "not_suitable", "Not suitable"
    NO_REPLY = "no_reply", "No reply"
    # The patient needed urgent care rather than an appointment, and was told where to get it.
    EMERGENCY_CARE = "emergency_care", "Advised emergency care (999, A&E or 111)"
    OTHER = "other", "Other"


# Statuses that mean the clinic has replied to the patient.
ANSWERED_STATUSES = {Status.WAITING, Status.CLOSED}


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"


# Spam: marked as spam by staff, or suspected spam (several links) until staff say
# "Not spam", which clears the suspicion. Whatever else staff do with it, it gets
# no emails and stays out of the inbox's counts.
SPAM = models.Q(status=Status.SPAM) | models.Q(suspected_spam=True)


class EnquiryQuerySet(models.QuerySet):
    """
    Each rule about enquiries, written once and used everywhere: the inbox's
    filters and markers, the menu and dashboard counts, the emails and retention.
    """

    def spam(self):
        """Spam and suspected spam nobody has rescued: no emails, not counted, purged early if left alone."""
        return self.filter(SPAM)

    def not_spam(self):
        return self.exclude(SPAM)

    def new(self):
        """Real enquiries nobody has picked up yet: the "(3 new)" in the menu."""
        return self.not_spam().filter(status=Status.NEW)

    def patient_replied(self):
        """Real enquiries where the patient has written back and waits for the clinic."""
        return self.not_spam().filter(status=Status.PATIENT_REPLIED)

    def unanswered(self):
        """Real enquiries the clinic has not yet replied to, and has not closed."""
        return self.not_spam().filter(first_answered_at=None).exclude(status=Status.CLOSED)

    def from_same_person(self, enquiry):
        """The person's other enquiries: the same email address (any case) or the same phone number."""
        same_person = models.Q(email__iexact=enquiry.email)
        if enquiry.phone:
            same_person |= models.Q(phone=enquiry.phone)
        return self.filter(same_person).exclude(pk=enquiry.pk).order_by("-created_at", "-pk")

    def overdue(self, working_days, now=None):
        """Unanswered enquiries received longer ago than the reply target."""
        cutoff = subtract_working_days(now or timezone.now(), working_days)
        return self.unanswered().filter(created_at__lte=cutoff)


def treatments():
    """
    Every treatment page, in the site's order. Reached through the enquiry's
    link to ``pages.TreatmentPage``, so this app never imports from pages.
    """
    return Enquiry._meta.get_field("treatment").related_model.objects.order_by("path")


class Enquiry(models.Model):
    # Not in Wagtail's reference index: a treatment page's "Usage" would list who
    # asked about it to editors who may not see enquiries, and every save of an
    # enquiry would queue a task to index it.
    wagtail_reference_index_ignore = True

    Status = Status
    Outcome = Outcome
    ContactPreference = ContactPreference

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    submission_token = models.UUIDField(
        unique=True, editable=False, help_text="From the form, so that sending it twice stores it once."
    )
    created_at = models.DateTimeField("received", default=timezone.now, db_index=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    # What the patient sent.
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    email = models.EmailField(max_length=EMAIL_MAX_LENGTH)
    phone = PhoneNumberField("telephone number", max_length=PHONE_MAX_LENGTH, blank=True)
    preferred_contact = models.CharField(
        "preferred way to contact", max_length=10, choices=ContactPreference.choices
    )
    treatment = models.ForeignKey(
        "pages.TreatmentPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries"
    )
    # Kept beside the link so the enquiry still says what was asked about if the page goes.
    treatment_title = models.CharField("treatment asked about", max_length=255, blank=True)
    message = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    urgent = models.BooleanField(
        "reported a warning sign", default=False, help_text="The patient said an urgent warning sign applies."
    )
    privacy_notice_version = models.CharField("privacy notice version shown", max_length=50)
    source_url = models.CharField("sent from page", max_length=500, blank=True)
    suspected_spam = models.BooleanField(default=False, db_index=True)

    # Triage.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(
        max_length=20, choices=Outcome.choices, blank=True, help_text="Required when the enquiry is closed."
    )
    first_opened_at = models.DateTimeField(null=True, blank=True)
    first_answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "enquiries"
        ordering = ["-urgent", "created_at"]
        permissions = [
            ("export_enquiry", "Can export enquiries"),
            ("reply_enquiry", "Can reply to enquiries"),
        ]
        constraints = [
            models.CheckConstraint(
                name="enquiry_reference_format", condition=models.Q(reference__regex=REFERENCE_PATTERN)
            ),
            models.CheckConstraint(name="enquiry_status_valid", condition=models.Q(status__in=Status.values)),
            models.CheckConstraint(
                name="enquiry_preferred_contact_valid",
                condition=models.Q(preferred_contact__in=ContactPreference.values),
            ),
            models.CheckConstraint(
                name="enquiry_phone_if_preferred",
                condition=~models.Q(preferred_contact="phone") | ~models.Q(phone=""),
            ),
            models.CheckConstraint(
                name="enquiry_outcome_valid", condition=models.Q(outcome__in=["", *Outcome.values])
            ),
            models.CheckConstraint(
                name="enquiry_closed_with_outcome",
                condition=~models.Q(status="closed") | ~models.Q(outcome=""),
            ),
            models.CheckConstraint(name="enquiry_name_present", condition=~models.Q(name="")),
            models.CheckConstraint(name="enquiry_email_present", condition=~models.Q(email="")),
            models.CheckConstraint(name="enquiry_message_present", condition=~models.Q(message="")),
            models.CheckConstraint(
                name="enquiry_message_length",
                condition=LessThanOrEqual(Length("message"), MESSAGE_MAX_LENGTH),
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        self.stamp_status_times()
        super().save(*args, **kwargs)

    def stamp_status_times(self, now=None):
        """
        Keep the triage timestamps in step with the status, whichever way it
        changed (edit form, bulk action, command): first answered when the
        clinic first replies, closed when closed, and cleared on reopening.
        """
        now = now or timezone.now()
        if self.status in ANSWERED_STATUSES and self.first_answered_at is None:
            self.first_answered_at = now
        if self.status == Status.CLOSED:
            self.closed_at = self.closed_at or now
        else:
            self.closed_at = None
            self.outcome = ""


DEFAULT_WARNING_SIGNS = """numbness or tingling around your genitals or buttocks
new difficulty peeing, or loss of control of your bladder or bowels
weakness or numbness in both legs, or legs that give way
chest pain, or pain spreading to your arm, jaw or back
pain after a serious fall, a car accident or another injury"""


@register_setting(icon="mail")
class EnquirySettings(BaseSiteSetting):
    """What the enquiry form shows and where notifications go; edited under Settings > Enquiries."""

    notification_email = models.EmailField(
        "send new-enquiry alerts to",
        default="info@clayhallosteopath.com",
        help_text="Alerts carry only the reference and a link to the admin, never what the patient wrote.",
    )
    acknowledge_patients = models.BooleanField(
        "email patients an acknowledgement",
        default=True,
        help_text="The acknowledgement gives the reference and what happens next, never the message.",
    )
    reply_within_working_days = models.PositiveSmallIntegerField(
        "reply target (working days)",
        default=1,
        help_text="Enquiries not answered within this many working days (Monday to Friday) are overdue.",
    )
    reply_target = models.CharField(
        "when patients can expect a reply",
        max_length=80,
        default="within one working day",
        help_text="Completes the sentence 'We will reply …'.",
    )
    warning_signs = models.TextField(
        default=DEFAULT_WARNING_SIGNS,
        help_text="Symptoms that need emergency care rather than an email, one per line. "
        "Patients are asked whether any of them apply.",
    )
    privacy_statement = models.CharField(
        max_length=300,
        default=(
            "We will use your details only to reply to you. "
            "Our privacy notice explains how long we keep them."
        ),
        help_text="Shown beside the Send button, with a link to the privacy notice.",
    )
    privacy_notice_version = models.CharField(
        max_length=50,
        default="1.0",
        help_text="Stored with each enquiry. Change it whenever the privacy notice changes.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("notification_email"), FieldPanel("acknowledge_patients")], heading="Emails"
        ),
        MultiFieldPanel(
            [FieldPanel("reply_within_working_days"), FieldPanel("reply_target")], heading="Replies"
        ),
        FieldPanel("warning_signs"),
        MultiFieldPanel(
            [FieldPanel("privacy_statement"), FieldPanel("privacy_notice_version")], heading="Privacy"
        ),
    ]

    class Meta:
        verbose_name = "enquiries"

    @property
    def warning_sign_list(self):
        return [line.strip() for line in self.warning_signs.splitlines() if line.strip()]


class EnquiryNote(models.Model):
    """A note staff leave on an enquiry for colleagues; never shown to the patient."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.CheckConstraint(name="enquiry_note_present", condition=~models.Q(text=""))]

    def __str__(self):
        return f"Note on {self.enquiry_id} at {self.created_at:%Y-%m-%d %H:%M}"


class MessageDirection(models.TextChoices):
    TO_PATIENT = "to_patient", "From the clinic"
    FROM_PATIENT = "from_patient", "From the patient"


class ReplyDelivery(models.TextChoices):
    # The safe choice, and the default: no health details in anyone's mailbox.
    LINK = "link", "By secure link: the email says only that we have replied"
    EMAIL = "email", "In the email itself"


class ThreadMessage(models.Model):
    """
    One message of the conversation with the patient: a reply from staff, or the
    patient's answer through the reply page. Unlike notes, the patient sees these.
    How a reply's email is doing is in the outbox (``OutboxEmail.message``).
    """

    Direction = MessageDirection
    Delivery = ReplyDelivery

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="thread")
    direction = models.CharField(max_length=20, choices=MessageDirection.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member of staff who replied; empty for the patient's own messages.",
    )
    text = models.TextField(max_length=REPLY_MAX_LENGTH)
    delivery = models.CharField(
        "how the reply reached the patient", max_length=10, choices=ReplyDelivery.choices, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    read_at = models.DateTimeField(
        "first read on the site", null=True, blank=True, help_text="When the patient first opened it."
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(name="thread_message_text_present", condition=~models.Q(text="")),
            models.CheckConstraint(
                name="thread_message_direction_valid",
                condition=models.Q(direction__in=MessageDirection.values),
            ),
            models.CheckConstraint(
                name="thread_message_delivery_for_replies",
                condition=models.Q(direction=MessageDirection.TO_PATIENT, delivery__in=ReplyDelivery.values)
                | models.Q(direction=MessageDirection.FROM_PATIENT, delivery=""),
            ),
        ]

    def __str__(self):
        return f"{self.get_direction_display()} on {self.enquiry_id} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def from_patient(self):
        return self.direction == MessageDirection.FROM_PATIENT


class AccessCode(models.Model):
    """
    A one-time code emailed to the patient's address, which opens the replies
    behind a reply link: whoever holds the link must also read that mailbox.
    Only a keyed hash of the code is kept (``enquiries.replies``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="access_codes")
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Access code for {self.enquiry_id} at {self.created_at:%Y-%m-%d %H:%M}"


class CannedAnswer(models.Model):
    """
    A reply staff start from, with placeholders filled in for each patient
    (``enquiries.canned_answers``): edited in the admin by staff with permission.
    """

    title = models.CharField(max_length=100, unique=True, help_text="What staff pick it by.")
    text = models.TextField(
        max_length=CANNED_ANSWER_MAX_LENGTH,
        help_text="Placeholders in curly brackets are filled in for each patient: "
        + english_list([f"{{{name}}}" for name in PLACEHOLDERS])
        + ".",
    )

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(name="canned_answer_text_present", condition=~models.Q(text=""))
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if unknown := unknown_placeholders(self.text):
            raise ValidationError(
                {
                    "text": "These placeholders are not known: "
                    + ", ".join(f"{{{name}}}" for name in unknown)
                    + ". Check the spelling against the list below the box."
                }
            )


class EmailKind(models.TextChoices):
    STAFF_ALERT = "staff_alert", "Alert to staff"
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement to the patient"
    REPLY = "reply", "Reply to the patient"
    PATIENT_REPLY_ALERT = "patient_reply_alert", "Alert to staff: the patient replied"


# Emails about one message of the thread rather than the enquiry as a whole.
MESSAGE_EMAIL_KINDS = [EmailKind.REPLY, EmailKind.PATIENT_REPLY_ALERT]


class OutboxEmailQuerySet(models.QuerySet):
    def pending(self):
        """Not sent yet, and still to be tried (not given up)."""
        return self.filter(sent_at=None).exclude(next_attempt_at=None)

    def held(self):
        """Pending emails about spam: they wait, and go if staff rescue the enquiry."""
        return self.pending().filter(enquiry__in=Enquiry.objects.spam())

    def deliverable(self):
        return self.pending().exclude(enquiry__in=Enquiry.objects.spam())

    def due(self, now=None):
        """Deliverable emails whose time has come: never tried, a retry due, or a dead sender's lease."""
        return self.deliverable().filter(next_attempt_at__lte=now or timezone.now())

    def given_up(self):
        return self.filter(sent_at=None, next_attempt_at=None)


class OutboxEmail(models.Model):
    """
    One email to send about an enquiry, and how its delivery is going.

    Written in the same transaction as the enquiry (or the reply, or the
    patient's answer), so none is ever stored without its emails, and sent
    afterwards (``enquiries.outbox``). The row holds no content: the email is
    built from the enquiry and the message when it is sent, and leaves out what
    the patient wrote. A staff reply's text goes in its email only when staff
    chose that delivery.
    """

    Kind = EmailKind

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=30, choices=EmailKind.choices)
    message = models.ForeignKey(
        ThreadMessage,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="emails",
        help_text="The reply, or the patient's answer, that the email is about.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    attempts = models.PositiveSmallIntegerField("failed attempts", default=0)
    next_attempt_at = models.DateTimeField(
        "next try",
        null=True,
        blank=True,
        db_index=True,
        help_text="A retry, or the end of a sender's lease; empty once sent or given up.",
    )
    last_error = models.CharField(
        max_length=200, blank=True, help_text="The class of the last error and when, never its text."
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutboxEmailQuerySet.as_manager()

    class Meta:
        verbose_name = "outbox email"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enquiry", "kind"],
                condition=models.Q(message=None),
                name="outbox_email_one_of_each_kind",
            ),
            models.UniqueConstraint(
                fields=["message", "kind"],
                condition=~models.Q(message=None),
                name="outbox_email_one_of_each_kind_per_message",
            ),
            models.CheckConstraint(
                name="outbox_email_message_for_message_kinds",
                condition=models.Q(kind__in=MESSAGE_EMAIL_KINDS, message__isnull=False)
                | (~models.Q(kind__in=MESSAGE_EMAIL_KINDS) & models.Q(message=None)),
            ),
            models.CheckConstraint(
                name="outbox_email_kind_valid", condition=models.Q(kind__in=EmailKind.values)
            ),
            models.CheckConstraint(
                name="outbox_email_sent_is_not_due",
                condition=models.Q(sent_at=None) | models.Q(next_attempt_at=None),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.enquiry_id}"

    @property
    def delivery(self):
        """How it stands, in staff's words."""
        if self.sent_at:
            return "Sent"
        if self.next_attempt_at is None:
            return "Not sent: gave up"
        return "Waiting to be retried" if self.attempts else "Waiting to be sent"
