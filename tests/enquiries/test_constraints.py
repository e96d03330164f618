"""
The rules that matter are kept by PostgreSQL itself, so that no code path that
skips the form (a command, a shell, a future API) can store a broken enquiry.
"""

import uuid

import pytest

from django.db import DataError, IntegrityError, transaction

from enquiries.models import Enquiry
from tests.enquiries.factories import make_enquiry

pytestmark = pytest.mark.django_db


def test_enquiry_that_keeps_every_rule_is_stored():
    enquiry = make_enquiry(preferred_contact="phone", phone="020 7946 0982", message="a" * 2000)

    assert Enquiry.objects.get(pk=enquiry.pk).reference == enquiry.reference


BROKEN_RULES = {
    "unknown status": {"status": "bogus"},
    "unknown contact preference": {"preferred_contact": "fax"},
    "reference not in the clinic's format": {"reference": "abc"},
    "reference with a letter that looks like a digit": {"reference": "CH-ABCDEO"},
    "message over 2,000 characters": {"message": "a" * 2001},
    "empty message": {"message": ""},
    "empty name": {"name": ""},
    "empty email": {"email": ""},
    "phone preferred but no phone number": {"preferred_contact": "phone", "phone": ""},
}


@pytest.mark.parametrize("fields", BROKEN_RULES.values(), ids=BROKEN_RULES.keys())
def test_database_refuses_an_enquiry_that_breaks_a_rule(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_enquiry(**fields)

    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [{"name": "A" * 101}, {"email": "a" * 250 + "@example.com"}, {"phone": "0" * 31}],
    ids=["name", "email", "phone"],
)
def test_database_refuses_over_long_contact_details(fields):
    with pytest.raises(DataError), transaction.atomic():
        make_enquiry(**fields)


def test_database_refuses_a_second_enquiry_with_the_same_reference():
    first = make_enquiry()

    with pytest.raises(IntegrityError), transaction.atomic():
        make_enquiry(reference=first.reference)

    assert Enquiry.objects.count() == 1


def test_database_refuses_a_second_enquiry_with_the_same_submission_token():
    token = uuid.uuid4()
    make_enquiry(submission_token=token)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_enquiry(submission_token=token)

    assert Enquiry.objects.count() == 1


def test_database_refuses_an_enquiry_without_a_submission_token():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_enquiry(submission_token=None)


def test_constraints_hold_for_bulk_updates_too():
    enquiry = make_enquiry()

    with pytest.raises(IntegrityError), transaction.atomic():
        Enquiry.objects.filter(pk=enquiry.pk).update(status="archived")

    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
