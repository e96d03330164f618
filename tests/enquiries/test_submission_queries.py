"""
Sending an enquiry asks for no more than it must: the enquiry settings come from
the shared cache between changes, as every page's site data does.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from enquiries.models import Enquiry, EnquirySettings
from tests.enquiries.factories import post_enquiry, valid_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shared_data_on(settings):
    settings.SITE_DATA_CACHE_ENABLED = True


def test_the_enquiry_settings_are_read_once_for_many_enquiries(client, clinic_pages):
    assert post_enquiry(client, valid_form_data()).status_code == 302

    with CaptureQueriesContext(connection) as queries:
        response = post_enquiry(client, valid_form_data())

    assert response.status_code == 302
    assert Enquiry.objects.count() == 2
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    assert EnquirySettings._meta.db_table not in asked


def test_an_enquiry_sent_after_the_settings_changed_is_stored_under_the_new_ones(
    client, clinic_pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enquiry_settings = EnquirySettings.for_site(Site.objects.get(is_default_site=True))
    post_enquiry(client, valid_form_data())  # the settings are kept

    with django_capture_on_commit_callbacks(execute=True):
        enquiry_settings.privacy_notice_version = "2026-12"
        enquiry_settings.save()
    post_enquiry(client, valid_form_data())

    assert Enquiry.objects.order_by("created_at").last().privacy_notice_version == "2026-12"
