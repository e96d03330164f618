"""
Enquiries stay out of Wagtail's reference index: a treatment page's "Usage" in
the admin is for editors, who may not see enquiries, and must not list who
asked about it.
"""

import pytest

from django.contrib.contenttypes.models import ContentType

from wagtail.models import ReferenceIndex

from enquiries.models import Enquiry
from pages.models import TreatmentPage
from tests.enquiries.factories import post_enquiry, valid_form_data

pytestmark = pytest.mark.django_db


def test_an_enquiry_about_a_treatment_is_not_in_the_treatment_pages_usage(client, demo_site):
    osteopathy = TreatmentPage.objects.get(slug="osteopathy")

    assert post_enquiry(client, valid_form_data(treatment="osteopathy")).status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.treatment == osteopathy

    # The tests' task backend runs at once what Wagtail queues on saving: nothing was recorded.
    assert not ReferenceIndex.is_indexed(Enquiry)
    enquiries = ContentType.objects.get_for_model(Enquiry)
    assert not ReferenceIndex.get_references_to(osteopathy).filter(base_content_type=enquiries).exists()
    assert not ReferenceIndex.objects.filter(base_content_type=enquiries).exists()
