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

# Crockford's base32 without the letters that look like digits (I, L, O, U).
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "CH-"
REFERENCE_LENGTH = 6
REFERENCE_PATTERN = rf"^{REFERENCE_PREFIX}[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}$"

NAME_MAX_LENGTH = 100
EMAIL_MAX_LENGTH = 254
PHONE_MAX_LENGTH = 30
MESSAGE_MAX_LENGTH = 2000


def new_reference():
    """A short reference a patient can read out on the phone; random, so not guessable from the row id."""
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    WAITING = "waiting", "Waiting for patient"
    CLOSED = "closed", "Closed"
    SPAM = "spam", "Spam"


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"


class Enquiry(models.Model):
    Status = Status
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
    phone = models.CharField(max_length=PHONE_MAX_LENGTH, blank=True)
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

    class Meta:
        verbose_name_plural = "enquiries"
        ordering = ["-urgent", "created_at"]
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
        FieldPanel("reply_target"),
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
