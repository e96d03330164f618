"""
Patients' enquiries and the clinic's settings for them.

An enquiry is written once, by the patient, and never edited afterwards except
for its triage fields. The rules that matter (lengths, allowed values, unique
reference and submission token) are database constraints, not only form rules.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from clinic.phone import PhoneNumberField
from enquiries.working_days import add_working_days, subtract_working_days

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


def new_reference():
    """A short reference a patient can read out on the phone; random, so not guessable from the row id."""
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    WAITING = "waiting", "Waiting for patient"
    CLOSED = "closed", "Closed"
    SPAM = "spam", "Spam"


class Outcome(models.TextChoices):
    BOOKED = "booked", "Booked"
    NOT_SUITABLE = "not_suitable", "Not suitable"
    NO_REPLY = "no_reply", "No reply"
    OTHER = "other", "Other"


# Statuses that mean the clinic has replied to the patient.
ANSWERED_STATUSES = {"waiting", "closed"}


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"


class EnquiryQuerySet(models.QuerySet):
    def unanswered(self):
        """Real enquiries the clinic has not yet replied to."""
        return self.filter(first_answered_at=None, suspected_spam=False).exclude(
            status__in=[Status.CLOSED, Status.SPAM]
        )

    def overdue(self, working_days, now=None):
        """Unanswered enquiries received longer ago than the reply target."""
        cutoff = subtract_working_days(now or timezone.now(), working_days)
        return self.unanswered().filter(created_at__lte=cutoff)


class Enquiry(models.Model):
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

    # Notifications, sent by enquiries.tasks after the enquiry is committed.
    staff_notified_at = models.DateTimeField(null=True, blank=True)
    patient_notified_at = models.DateTimeField(null=True, blank=True)
    patient_acknowledgement_wanted = models.BooleanField(default=False, editable=False)
    notification_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    next_notification_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    last_notification_error = models.CharField(max_length=200, blank=True, editable=False)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "enquiries"
        ordering = ["-urgent", "created_at"]
        permissions = [("export_enquiry", "Can export enquiries")]
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

    def reply_due_at(self, working_days):
        return add_working_days(self.created_at, working_days)

    def is_overdue(self, working_days, now=None):
        return (
            self.first_answered_at is None
            and not self.suspected_spam
            and self.status not in (Status.CLOSED, Status.SPAM)
            and self.reply_due_at(working_days) <= (now or timezone.now())
        )

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

    @property
    def staff_alert_pending(self):
        # Suspected spam waits in the admin rather than in staff's inbox.
        return self.staff_notified_at is None and not self.suspected_spam and self.status != Status.SPAM

    @property
    def patient_acknowledgement_pending(self):
        return (
            self.patient_acknowledgement_wanted
            and self.patient_notified_at is None
            and not self.suspected_spam
            and self.status != Status.SPAM
        )

    @property
    def notifications_pending(self):
        return self.staff_alert_pending or self.patient_acknowledgement_pending


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
