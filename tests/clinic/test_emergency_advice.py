"""Every page and email that tells people where to get urgent help says it in the same words."""

import pytest

from django.core import signing
from django.urls import reverse

from clinic.models import ClinicSettings
from clinic.views import server_error
from enquiries.emails import patient_acknowledgement
from enquiries.models import EnquirySettings, OutboxEmail
from enquiries.views import CONFIRMATION_SALT, database_unavailable
from tests.enquiries.factories import make_enquiry

ADVICE = "call 999 or go to A&E. For urgent advice, call NHS 111."
IF_WORSE = (
    "If your symptoms get worse, or you develop numbness, weakness or loss of bladder or bowel control, "
)


@pytest.mark.django_db
def test_footer_of_every_page(client, demo_site):
    footer = client.get("/treatments/osteopathy/").content.decode().split('class="site-footer"', 1)[1]

    assert f"In an emergency, {ADVICE}" in footer


def test_pages_shown_when_the_database_is_down(rf):
    assert f"In an emergency, {ADVICE}" in server_error(rf.get("/")).content.decode()
    assert f"In an emergency, {ADVICE}" in database_unavailable(rf.post("/enquiries/send/")).content.decode()


@pytest.mark.django_db
def test_confirmation_page_and_acknowledgement_email_name_the_symptoms_first(client, site):
    token = signing.dumps({"reference": "CH-ABC123", "urgent": False}, salt=CONFIRMATION_SALT)
    confirmation = client.get(f"{reverse('enquiries:sent')}?r={token}").content.decode()
    email = patient_acknowledgement(
        OutboxEmail(enquiry=make_enquiry(), kind=OutboxEmail.Kind.ACKNOWLEDGEMENT),
        EnquirySettings.for_site(site),
        ClinicSettings.for_site(site),
    )

    assert IF_WORSE + ADVICE in confirmation
    assert IF_WORSE + ADVICE in email.body
