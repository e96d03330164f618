"""Small factory functions for the enquiry tests: pages, the data a browser posts, stored enquiries."""

import time
import uuid

from django.core import signing
from django.urls import reverse

from wagtail.models import Site

from clinic.models import ClinicSettings
from enquiries.forms import STARTED_SALT
from enquiries.models import Enquiry
from tests.factories import (
    make_contact_page,
    make_home_page,
    make_standard_page,
    make_treatment,
    make_treatment_index,
)


def started_seconds_ago(seconds):
    """The form's signed start time, as if the page had been opened ``seconds`` ago."""
    return signing.dumps(int(time.time()) - seconds, salt=STARTED_SALT)


def valid_form_data(**overrides):
    """
    A POST body a person could have sent: every required field filled in, a fresh
    submission token, and a start time a minute ago (slow enough to be a person).
    """
    data = {
        "name": "Ada Patient",
        "email": "ada@example.com",
        "phone": "",
        "preferred_contact": "email",
        "treatment": "",
        "message": "My lower back has been stiff for two weeks. Could osteopathy help?",
        "warning_sign": "no",
        "token": str(uuid.uuid4()),
        "started": started_seconds_ago(60),
        "source": "/contact/",
        "website": "",
    }
    data.update(overrides)
    return data


def post_enquiry(client, data, **headers):
    """Press Send: post ``data`` to the form's address, with any request ``headers`` (e.g. REMOTE_ADDR)."""
    return client.post(reverse("enquiries:submit"), data, **headers)


def make_enquiry(**fields):
    """An enquiry stored through the ORM, as if sent through the form."""
    fields.setdefault("submission_token", uuid.uuid4())
    fields.setdefault("name", "Ada Patient")
    fields.setdefault("email", "ada@example.com")
    fields.setdefault("preferred_contact", Enquiry.ContactPreference.EMAIL)
    fields.setdefault("message", "My lower back has been stiff for two weeks.")
    fields.setdefault("privacy_notice_version", "1.0")
    return Enquiry.objects.create(**fields)


def make_clinic_pages():
    """
    The pages an enquiry passes through, and nothing more: a home page, two published
    treatments and a draft one, the contact page and the privacy notice, linked from the
    clinic's settings as the demo content links them. Returns the published treatments.
    """
    home = make_home_page()
    index = make_treatment_index(home)
    treatments = [
        make_treatment(index),
        make_treatment(
            index, title="Medical acupuncture (trigger point dry needling)", slug="medical-acupuncture"
        ),
    ]
    make_treatment(index, title="Cupping", slug="cupping", publish=False, live=False)
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.contact_page = make_contact_page(home)
    clinic.privacy_page = make_standard_page(home, title="Privacy notice", slug="privacy")
    clinic.save()
    return treatments
