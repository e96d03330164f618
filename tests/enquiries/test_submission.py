"""
Sending an enquiry: stored once, with what the patient wrote, and confirmed on a
page that can be refreshed safely and puts emergency care first when it matters.
"""

import logging
import re

import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.urls import reverse

from enquiries.models import REFERENCE_PATTERN, Enquiry, EnquirySettings
from pages.models import TreatmentPage
from tests.enquiries.factories import post_enquiry, valid_form_data

pytestmark = pytest.mark.django_db


def reference_shown(response):
    """The reference on the confirmation page a submission redirected to."""
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one(".reference").get_text(strip=True)


# A successful send ------------------------------------------------------------------------


def test_valid_enquiry_redirects_to_the_confirmation_page(client):
    response = post_enquiry(client, valid_form_data())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("enquiries:sent") + "?r=")


def test_valid_enquiry_is_stored_with_what_the_patient_sent(clinic_pages, client, site):
    enquiry_settings = EnquirySettings.for_site(site)
    enquiry_settings.privacy_notice_version = "2026-11"
    enquiry_settings.save()

    post_enquiry(
        client,
        valid_form_data(
            name="Ada Patient",
            email="ada@example.com",
            phone="020 7946 0982",
            preferred_contact="phone",
            treatment="medical-acupuncture",
            message="Does dry needling hurt?",
            warning_sign="no",
            source="/contact/?treatment=medical-acupuncture",
        ),
    )

    enquiry = Enquiry.objects.get()
    assert enquiry.name == "Ada Patient"
    assert enquiry.email == "ada@example.com"
    assert enquiry.phone == "+442079460982"
    assert enquiry.preferred_contact == Enquiry.ContactPreference.PHONE
    assert enquiry.treatment == TreatmentPage.objects.get(slug="medical-acupuncture")
    assert enquiry.treatment_title == "Medical acupuncture (trigger point dry needling)"
    assert enquiry.message == "Does dry needling hurt?"
    assert enquiry.urgent is False
    assert enquiry.privacy_notice_version == "2026-11"
    assert enquiry.source_url == "/contact/?treatment=medical-acupuncture"
    assert enquiry.suspected_spam is False


def test_enquiry_about_no_particular_treatment_is_stored_without_one(clinic_pages, client):
    post_enquiry(client, valid_form_data(treatment=""))

    enquiry = Enquiry.objects.get()
    assert enquiry.treatment is None
    assert enquiry.treatment_title == ""


def test_new_enquiry_starts_as_new_with_a_readable_reference(client):
    post_enquiry(client, valid_form_data())

    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.NEW
    assert re.fullmatch(REFERENCE_PATTERN, enquiry.reference)
    assert enquiry.assignee is None


@pytest.mark.parametrize(
    "source", ["https://evil.example/", "//evil.example/contact/", "javascript:alert(1)"]
)
def test_source_page_outside_the_site_is_not_stored(client, source):
    post_enquiry(client, valid_form_data(source=source))

    assert Enquiry.objects.get().source_url == ""


def test_confirmation_page_shows_the_reference_what_happens_next_and_the_phone_number(client):
    response = post_enquiry(client, valid_form_data())

    confirmation = client.get(response["Location"])

    assert confirmation.status_code == 200
    html = confirmation.content.decode()
    assert reference_shown(confirmation) == Enquiry.objects.get().reference
    assert "What happens next" in html
    assert "We will reply within one working day" in html
    assert 'href="tel:+442082204254"' in html
    assert "020 8220 4254" in html


def test_confirmation_page_is_not_cached_or_indexed(client):
    confirmation = client.get(post_enquiry(client, valid_form_data())["Location"])

    assert "no-cache" in confirmation["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in confirmation.content.decode()


def test_refreshing_the_confirmation_page_sends_nothing_again(client):
    location = post_enquiry(client, valid_form_data())["Location"]

    first = client.get(location)
    second = client.get(location)

    assert Enquiry.objects.count() == 1
    assert reference_shown(first) == reference_shown(second)


def test_forged_confirmation_link_is_not_found(client):
    assert client.get(reverse("enquiries:sent"), {"r": "CH-ABC123"}).status_code == 404


def test_reference_does_not_reveal_the_row_id(client):
    post_enquiry(client, valid_form_data())
    post_enquiry(client, valid_form_data())

    first, second = Enquiry.objects.order_by("pk")
    assert first.reference != second.reference
    for enquiry in (first, second):
        assert re.fullmatch(REFERENCE_PATTERN, enquiry.reference)
        assert str(enquiry.pk) not in enquiry.reference.removeprefix("CH-")
    # Random, not a counter: consecutive enquiries share no more than chance would give.
    same_places = sum(a == b for a, b in zip(first.reference[3:], second.reference[3:], strict=True))
    assert same_places < 5


# Urgent warning signs -----------------------------------------------------------------------


def test_warning_sign_reported_stores_the_enquiry_as_urgent(client):
    post_enquiry(client, valid_form_data(warning_sign="yes"))

    assert Enquiry.objects.get().urgent is True


def test_confirmation_puts_emergency_care_before_the_reference_when_a_warning_sign_applies(client):
    confirmation = client.get(post_enquiry(client, valid_form_data(warning_sign="yes"))["Location"])

    html = confirmation.content.decode()
    page = BeautifulSoup(html, "html.parser")
    card = page.select_one(".care-card--emergency")
    assert "Call 999 or go to A&E" in card.get_text()
    assert "NHS 111" in card.get_text()
    # Before anything else on the page: the first thing inside the content, ahead of the reference.
    assert page.select_one("main .article").find(True) is card
    assert html.index("care-card--emergency") < html.index("panel--confirmation")


def test_confirmation_has_no_emergency_card_without_a_warning_sign(client):
    confirmation = client.get(post_enquiry(client, valid_form_data(warning_sign="no"))["Location"])

    page = BeautifulSoup(confirmation.content, "html.parser")
    assert page.select_one(".care-card--emergency") is None
    assert "Immediate action required" not in confirmation.content.decode()


# What is kept, and what is not ----------------------------------------------------------------


def test_enquiry_keeps_the_treatment_title_when_the_treatment_page_is_deleted(clinic_pages, client):
    post_enquiry(client, valid_form_data(treatment="osteopathy"))

    TreatmentPage.objects.get(slug="osteopathy").delete()

    enquiry = Enquiry.objects.get()
    assert enquiry.treatment is None
    assert enquiry.treatment_title == "Osteopathy"


@pytest.mark.parametrize("name", ["O'Brien", "Zoë", "李小龍", "Siân Ní Bhriain-Ölçer"])
def test_names_from_every_culture_are_accepted_and_stored_exactly(client, name):
    response = post_enquiry(client, valid_form_data(name=name))

    assert response.status_code == 302
    assert Enquiry.objects.get().name == name


@pytest.mark.parametrize(
    ("name", "escaped"),
    # As Jinja2 escapes (the public forms' widgets: enquiries.forms.PublicFormRenderer).
    [("O'Brien", "O&#39;Brien"), ('<script>alert("x")</script>', "&lt;script&gt;alert(&#34;x&#34;)")],
)
def test_name_shown_back_on_the_form_is_escaped(client, name, escaped):
    response = post_enquiry(client, valid_form_data(name=name, email="not-an-email"))

    html = response.content.decode()
    assert f'value="{escaped}' in html
    assert "<script>alert" not in html


def test_runs_of_spaces_in_a_name_are_tidied(client):
    post_enquiry(client, valid_form_data(name="  Ada   Patient "))

    assert Enquiry.objects.get().name == "Ada Patient"


def test_no_ip_address_is_stored_with_the_enquiry(client):
    post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.9")

    enquiry = Enquiry.objects.get()
    for field in Enquiry._meta.concrete_fields:
        assert "203.0.113.9" not in str(field.value_from_object(enquiry)), field.name


# Sending twice ---------------------------------------------------------------------------------


def test_sending_the_same_form_twice_stores_one_enquiry_with_one_reference(client):
    data = valid_form_data()

    first = post_enquiry(client, data)
    second = post_enquiry(client, data)

    assert first.status_code == second.status_code == 302
    assert Enquiry.objects.count() == 1
    assert reference_shown(client.get(first["Location"])) == Enquiry.objects.get().reference
    assert reference_shown(client.get(second["Location"])) == Enquiry.objects.get().reference


def test_corrected_form_after_an_error_is_stored_once(client):
    data = valid_form_data(email="ada.example.com")
    assert post_enquiry(client, data).status_code == 200

    data["email"] = "ada@example.com"
    post_enquiry(client, data)
    post_enquiry(client, data)

    assert Enquiry.objects.get().email == "ada@example.com"


def test_two_forms_from_two_tabs_are_two_enquiries(client):
    post_enquiry(client, valid_form_data(message="First question"))
    post_enquiry(client, valid_form_data(message="Second question"))

    assert sorted(Enquiry.objects.values_list("message", flat=True)) == ["First question", "Second question"]


# An expired security cookie ----------------------------------------------------------------------


def test_expired_security_cookie_shows_the_form_again_as_typed_and_stores_nothing():
    client = Client(enforce_csrf_checks=True)
    data = valid_form_data(message="Please call me about my knee.", preferred_contact="email")

    response = post_enquiry(client, data)

    assert response.status_code == 403
    page = BeautifulSoup(response.content, "html.parser")
    assert "Please press Send again" in page.select_one(".notice").get_text()
    assert "has not been sent yet" in page.select_one(".notice").get_text()
    assert page.select_one("#enquiry-name")["value"] == data["name"]
    assert page.select_one("#enquiry-email")["value"] == data["email"]
    assert page.select_one("#enquiry-message").get_text().strip() == "Please call me about my knee."
    assert page.select_one("input[name=preferred_contact][checked]")["value"] == "email"
    assert page.select_one("input[name=token]")["value"] == data["token"]
    assert not Enquiry.objects.exists()


def test_pressing_send_again_after_an_expired_security_cookie_sends_the_enquiry_once():
    client = Client(enforce_csrf_checks=True)
    data = valid_form_data()
    refused = post_enquiry(client, data)
    page = BeautifulSoup(refused.content, "html.parser")

    # The browser posts the form it was shown again, with the new cookie and token.
    resent = {field["name"]: field.get("value", "") for field in page.select("form input[type=hidden]")}
    response = post_enquiry(client, {**data, **resent})

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1


def test_other_refused_posts_get_djangos_own_csrf_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/admin/login/", {"username": "someone", "password": "secret"})

    assert response.status_code == 403
    assert "Please press Send again" not in response.content.decode()


# Never logged --------------------------------------------------------------------------------------


def test_what_the_patient_wrote_never_reaches_the_logs(
    client, settings, caplog, django_capture_on_commit_callbacks
):
    settings.ENQUIRIES_RATE_LIMIT = "2/600"
    caplog.set_level(logging.DEBUG)
    words = {
        "name": "Perpetua Quillfeather",
        "email": "perpetua@example.com",
        "message": "Sciatica since May",
    }

    with django_capture_on_commit_callbacks(execute=True):
        post_enquiry(client, valid_form_data(**words))  # stored and emailed
        post_enquiry(client, valid_form_data(**words, website="bot"))  # discarded as automated
        post_enquiry(client, valid_form_data(**words, phone="not a phone"))  # sent back with a mistake
        post_enquiry(client, valid_form_data(**words))
        assert post_enquiry(client, valid_form_data(**words)).status_code == 429  # over the limit

    assert caplog.records
    logged = caplog.text + " ".join(str(record.args) for record in caplog.records)
    for value in words.values():
        assert value not in logged
