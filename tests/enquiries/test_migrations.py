"""Migrations that move enquiry data keep every row and every detail a patient sent."""

import uuid
from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from enquiries.models import EmailKind, Enquiry, OutboxEmail
from tests.enquiries.factories import make_enquiry
from tests.migrator import migrate

pytestmark = pytest.mark.django_db


def old_enquiry(Enquiry, **fields):
    return Enquiry.objects.create(
        submission_token=uuid.uuid4(),
        name="Ada Patient",
        email="ada@example.com",
        message="My back is stiff.",
        privacy_notice_version="1.0",
        **{"preferred_contact": "email", **fields},
    )


def test_phone_numbers_are_stored_in_the_phone_rules_form_and_odd_ones_kept_as_typed():
    old = migrate(("enquiries", "0003_reception_group"))
    OldEnquiry = old.get_model("enquiries", "Enquiry")
    typed_nationally = old_enquiry(OldEnquiry, phone="020 7946 0123", preferred_contact="phone")
    not_a_real_number = old_enquiry(OldEnquiry, phone="07700 900123", preferred_contact="phone")

    migrate()

    assert Enquiry.objects.get(pk=typed_nationally.pk).phone.as_e164 == "+442079460123"
    assert str(Enquiry.objects.get(pk=not_a_real_number.pk).phone) == "07700 900123"


def test_email_delivery_moves_from_the_enquiry_to_one_outbox_row_per_email():
    old = migrate(("enquiries", "0004_phone_number_rule"))
    OldEnquiry = old.get_model("enquiries", "Enquiry")
    received = timezone.now() - timedelta(hours=3)
    retry = timezone.now() + timedelta(minutes=15)
    both_sent = old_enquiry(
        OldEnquiry,
        created_at=received,
        patient_acknowledgement_wanted=True,
        staff_notified_at=received + timedelta(minutes=1),
        patient_notified_at=received + timedelta(minutes=1),
    )
    acknowledgement_failing = old_enquiry(
        OldEnquiry,
        created_at=received,
        patient_acknowledgement_wanted=True,
        staff_notified_at=received + timedelta(minutes=1),
        notification_attempts=2,
        next_notification_at=retry,
        last_notification_error="SMTPRecipientsRefused at 2026-03-02 09:05",
    )
    never_tried = old_enquiry(OldEnquiry, created_at=received, patient_acknowledgement_wanted=False)
    given_up = old_enquiry(
        OldEnquiry,
        created_at=received,
        patient_acknowledgement_wanted=False,
        notification_attempts=8,
        last_notification_error="ConnectionRefusedError at 2026-03-02 21:00",
    )

    migrate()

    def delivery(enquiry):
        return {
            email.kind: (email.sent_at, email.attempts, email.next_attempt_at, email.last_error)
            for email in OutboxEmail.objects.filter(enquiry_id=enquiry.pk)
        }

    sent_at = received + timedelta(minutes=1)
    assert delivery(both_sent) == {
        EmailKind.STAFF_ALERT: (sent_at, 0, None, ""),
        EmailKind.ACKNOWLEDGEMENT: (sent_at, 0, None, ""),
    }
    assert delivery(acknowledgement_failing) == {
        EmailKind.STAFF_ALERT: (sent_at, 0, None, ""),
        EmailKind.ACKNOWLEDGEMENT: (None, 2, retry, "SMTPRecipientsRefused at 2026-03-02 09:05"),
    }
    assert delivery(never_tried) == {EmailKind.STAFF_ALERT: (None, 0, received, "")}
    assert delivery(given_up) == {
        EmailKind.STAFF_ALERT: (None, 8, None, "ConnectionRefusedError at 2026-03-02 21:00")
    }
    # What was due or waiting is sent by the next cron run; what had given up stays given up.
    assert set(OutboxEmail.objects.due().values_list("enquiry_id", flat=True)) == {never_tried.pk}
    assert list(OutboxEmail.objects.given_up().values_list("enquiry_id", flat=True)) == [given_up.pk]


def test_the_outbox_migration_can_be_undone_without_losing_what_was_sent():
    enquiry = make_enquiry()
    sent_at = timezone.now()
    OutboxEmail.objects.create(enquiry=enquiry, kind=EmailKind.STAFF_ALERT, sent_at=sent_at)
    OutboxEmail.objects.create(
        enquiry=enquiry, kind=EmailKind.ACKNOWLEDGEMENT, attempts=1, next_attempt_at=sent_at, last_error="X"
    )

    old = migrate(("enquiries", "0004_phone_number_rule"))

    restored = old.get_model("enquiries", "Enquiry").objects.get(pk=enquiry.pk)
    assert restored.staff_notified_at == sent_at
    assert restored.patient_acknowledgement_wanted is True
    assert restored.patient_notified_at is None
    assert (restored.notification_attempts, restored.next_notification_at) == (1, sent_at)
    migrate()


def test_the_replies_migrations_keep_the_outbox_and_let_reception_reply():
    old = migrate(("enquiries", "0006_outcome_emergency_care"))
    enquiry = old_enquiry(old.get_model("enquiries", "Enquiry"))
    sent_at = timezone.now()
    old.get_model("enquiries", "OutboxEmail").objects.create(
        enquiry=enquiry, kind="staff_alert", sent_at=sent_at
    )
    reception = Group.objects.get(name="Reception")
    assert not reception.permissions.filter(codename__in=["reply_enquiry", "add_cannedanswer"]).exists()

    migrate()

    email = OutboxEmail.objects.get(enquiry_id=enquiry.pk)
    assert (email.kind, email.sent_at, email.message) == (EmailKind.STAFF_ALERT, sent_at, None)
    assert set(
        reception.permissions.filter(content_type__app_label="enquiries").values_list("codename", flat=True)
    ) >= {
        "reply_enquiry",
        "view_cannedanswer",
        "add_cannedanswer",
        "change_cannedanswer",
        "delete_cannedanswer",
    }


def test_references_recorded_from_enquiries_leave_the_reference_index(demo_site):
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ReferenceIndex

    from pages.models import TreatmentPage

    osteopathy = TreatmentPage.objects.get(slug="osteopathy")
    enquiry = make_enquiry(treatment=osteopathy)
    recorded = ReferenceIndex.objects.create(
        content_type=ContentType.objects.get_for_model(Enquiry),
        base_content_type=ContentType.objects.get_for_model(Enquiry),
        object_id=str(enquiry.pk),
        to_content_type=ContentType.objects.get_for_model(osteopathy, for_concrete_model=False),
        to_object_id=str(osteopathy.pk),
        model_path="treatment",
        content_path="treatment",
        content_path_hash=ReferenceIndex._get_content_path_hash("treatment"),
    )
    migrate(("enquiries", "0008_reception_replies"))

    migrate()

    assert not ReferenceIndex.objects.filter(pk=recorded.pk).exists()
    enquiries = ContentType.objects.get_for_model(Enquiry)
    assert not ReferenceIndex.objects.filter(base_content_type=enquiries).exists()
