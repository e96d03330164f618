"""Migrations that move enquiry data keep every row and every detail a patient sent."""

import uuid

import pytest

from enquiries.models import Enquiry
from tests.migrator import migrate

pytestmark = pytest.mark.django_db


def old_enquiry(Enquiry, **fields):
    return Enquiry.objects.create(
        submission_token=uuid.uuid4(),
        name="Ada Patient",
        email="ada@example.com",
        preferred_contact="phone",
        message="My back is stiff.",
        privacy_notice_version="1.0",
        **fields,
    )


def test_phone_numbers_are_stored_in_the_phone_rules_form_and_odd_ones_kept_as_typed():
    old = migrate(("enquiries", "0003_reception_group"))
    OldEnquiry = old.get_model("enquiries", "Enquiry")
    typed_nationally = old_enquiry(OldEnquiry, phone="020 7946 0123")
    not_a_real_number = old_enquiry(OldEnquiry, phone="07700 900123")

    migrate()

    assert Enquiry.objects.get(pk=typed_nationally.pk).phone.as_e164 == "+442079460123"
    assert str(Enquiry.objects.get(pk=not_a_real_number.pk).phone) == "07700 900123"
