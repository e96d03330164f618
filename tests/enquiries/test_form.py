"""
The "Write to us" form as a patient sees it: on the contact page, reachable from
every treatment, and, when something is wrong, GOV.UK's error pattern with
nothing the patient typed lost.
"""

import time

import pytest
from bs4 import BeautifulSoup

from django.core import signing
from django.urls import reverse

from enquiries.forms import STARTED_SALT
from enquiries.models import Enquiry, EnquirySettings
from pages.models import TreatmentPage
from tests.enquiries.factories import post_enquiry, started_seconds_ago, valid_form_data

pytestmark = pytest.mark.django_db


def contact_form(client, url="/contact/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("form.enquiry-form")


def empty_form_data():
    """What a browser sends when the patient presses Send without filling anything in."""
    return {"token": "0b7c2f53-4d0e-4c1c-9a53-2f3e1b6a0c11", "started": started_seconds_ago(60)}


# The form on the contact page ------------------------------------------------------------


def test_contact_page_form_posts_to_the_enquiries_app(clinic_pages, client):
    form = contact_form(client)

    assert form["action"] == reverse("enquiries:submit")
    assert form["method"] == "post"
    assert form.select_one("input[name=csrfmiddlewaretoken]")


@pytest.mark.parametrize(
    ("field_id", "label"),
    [
        ("enquiry-name", "Your name"),
        ("enquiry-email", "Email address"),
        ("enquiry-phone", "Telephone number (optional)"),
        ("enquiry-treatment", "Which treatment are you asking about?"),
        ("enquiry-message", "Your message"),
        ("enquiry-preferred_contact_0", "Email"),
        ("enquiry-preferred_contact_1", "Phone"),
        ("enquiry-warning_sign_0", "Yes"),
        ("enquiry-warning_sign_1", "No"),
    ],
)
def test_every_field_has_a_label_tied_to_it(clinic_pages, client, field_id, label):
    form = contact_form(client)

    assert form.select_one(f"label[for={field_id}]").get_text(strip=True) == label
    assert form.select_one(f"#{field_id}") is not None


def test_radio_questions_are_fieldsets_with_the_question_as_legend(clinic_pages, client):
    form = contact_form(client)

    legends = [legend.get_text(strip=True) for legend in form.select("fieldset > legend")]
    assert legends == ["How would you like us to contact you?", "Do any of these apply to you?"]


@pytest.mark.parametrize(
    ("name", "input_type", "autocomplete"),
    [("name", "text", "name"), ("email", "email", "email"), ("phone", "tel", "tel")],
)
def test_contact_details_inputs_tell_the_browser_what_they_hold(
    clinic_pages, client, name, input_type, autocomplete
):
    field = contact_form(client).select_one(f"input[name={name}]")

    assert field["type"] == input_type
    assert field["autocomplete"] == autocomplete


def test_message_hint_asks_for_a_brief_description_and_is_read_with_the_box(clinic_pages, client):
    form = contact_form(client)
    message = form.select_one("textarea[name=message]")
    hint = form.select_one("#enquiry-message_helptext")

    assert "Briefly describe what is troubling you" in hint.get_text()
    assert "no need to give your full medical history" in hint.get_text()
    assert "enquiry-message_helptext" in message["aria-describedby"].split()
    assert "You can enter up to 2,000 characters" in form.get_text()


def test_message_box_has_no_hard_limit_that_would_cut_pasted_text(clinic_pages, client):
    message = contact_form(client).select_one("textarea[name=message]")

    assert not message.has_attr("maxlength")
    assert message.find_parent(attrs={"data-character-count": True})["data-maxlength"] == "2000"


def test_privacy_statement_links_the_privacy_notice_beside_the_send_button(clinic_pages, client):
    form = contact_form(client)
    statement = form.select_one(".privacy-statement")

    assert "We will use your details only to reply to you" in statement.get_text()
    assert statement.select_one("a")["href"] == "/privacy/"
    send = statement.find_next_sibling()
    assert send.name == "button"
    assert send["type"] == "submit"
    assert send.get_text(strip=True) == "Send"


def test_warning_signs_shown_are_the_ones_staff_set(clinic_pages, client, site):
    enquiry_settings = EnquirySettings.for_site(site)
    enquiry_settings.warning_signs = "sudden weakness in both legs\n\n  new loss of bladder control  \n"
    enquiry_settings.save()

    signs = contact_form(client).select("#enquiry-warning_sign-signs li")

    assert [sign.get_text() for sign in signs] == [
        "sudden weakness in both legs",
        "new loss of bladder control",
    ]


def test_warning_sign_question_is_described_by_the_list_of_signs(clinic_pages, client):
    fieldset = contact_form(client).select_one("#enquiry-warning_sign_0").find_parent("fieldset")

    assert fieldset["aria-describedby"].split() == ["enquiry-warning_sign-signs"]


def test_honeypot_is_out_of_the_tab_order_and_hidden_from_screen_readers_without_inline_styles(
    clinic_pages, client
):
    form = contact_form(client)
    trap = form.select_one("input[name=website]")
    wrapper = trap.find_parent("div")

    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    assert wrapper["aria-hidden"] == "true"
    assert "enquiry-form__trap" in wrapper["class"]
    assert not form.select("[style]")


def test_each_visit_gets_a_new_submission_token_and_a_signed_start_time(clinic_pages, client):
    first = contact_form(client)
    second = contact_form(client)

    assert first.select_one("input[name=token]")["value"] != second.select_one("input[name=token]")["value"]
    started = signing.loads(first.select_one("input[name=started]")["value"], salt=STARTED_SALT)
    assert abs(time.time() - started) < 60


def test_treatment_list_offers_not_sure_and_every_published_treatment(clinic_pages, client):
    options = contact_form(client).select("select[name=treatment] option")

    assert [(option["value"], option.get_text()) for option in options] == [
        ("", "I'm not sure"),
        ("osteopathy", "Osteopathy"),
        ("medical-acupuncture", "Medical acupuncture (trigger point dry needling)"),
    ]


def test_treatment_in_the_address_is_chosen_in_the_form(clinic_pages, client):
    form = contact_form(client, "/contact/?treatment=medical-acupuncture")

    selected = form.select("select[name=treatment] option[selected]")
    assert [option["value"] for option in selected] == ["medical-acupuncture"]
    assert form.select_one("input[name=source]")["value"] == "/contact/?treatment=medical-acupuncture"


def test_unknown_treatment_in_the_address_leaves_not_sure_chosen(clinic_pages, client):
    form = contact_form(client, "/contact/?treatment=no-such-treatment")

    selected = form.select("select[name=treatment] option[selected]")
    assert [option["value"] for option in selected] == [""]
    assert str(form.select_one("select[name=treatment]")) == str(
        contact_form(client).select_one("select[name=treatment]")
    )


def test_every_treatment_page_links_to_the_form_with_its_treatment_chosen(client, demo_site):
    treatments = TreatmentPage.objects.live()
    assert treatments.count() >= 4

    for treatment in treatments:
        page = BeautifulSoup(client.get(treatment.url).content, "html.parser")
        links = [a for a in page.select("a") if a.get_text(strip=True) == "Ask about this treatment"]
        assert links, treatment.url
        assert {link["href"] for link in links} == {f"/contact/?treatment={treatment.slug}"}
        chosen = contact_form(client, links[0]["href"]).select_one("option[selected]")
        assert chosen["value"] == treatment.slug


# When something is wrong -----------------------------------------------------------------


def test_empty_form_gets_an_error_summary_linking_to_each_missing_answer(clinic_pages, client):
    response = post_enquiry(client, empty_form_data())

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".error-summary")
    assert summary.select_one("h2").get_text() == "There is a problem"
    assert [link["href"] for link in summary.select("a")] == [
        "#enquiry-name",
        "#enquiry-email",
        "#enquiry-preferred_contact_0",
        "#enquiry-message",
        "#enquiry-warning_sign_0",
    ]
    for link in summary.select("a"):
        assert page.select_one(link["href"]) is not None, link["href"]


def test_error_summary_is_announced_and_can_take_focus(clinic_pages, client):
    page = BeautifulSoup(post_enquiry(client, empty_form_data()).content, "html.parser")
    summary = page.select_one(".error-summary")

    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    assert summary.has_attr("data-error-summary")
    # It comes before the form, so it is the first thing read out.
    assert summary.find_next("form") is not None


def test_page_title_starts_with_error_when_there_is_a_problem(clinic_pages, client):
    page = BeautifulSoup(post_enquiry(client, empty_form_data()).content, "html.parser")

    assert page.title.get_text().startswith("Error: ")


def test_page_title_has_no_error_prefix_before_anything_is_sent(clinic_pages, client):
    page = BeautifulSoup(client.get("/contact/").content, "html.parser")

    assert not page.title.get_text().startswith("Error")


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("enquiry-name", "Enter your name"),
        ("enquiry-email", "Enter your email address"),
        ("enquiry-message", "Enter your message"),
    ],
)
def test_missing_text_answer_is_explained_beside_its_field(clinic_pages, client, field_id, message):
    page = BeautifulSoup(post_enquiry(client, empty_form_data()).content, "html.parser")
    field = page.select_one(f"#{field_id}")
    error = page.select_one(f"#{field_id}_error")

    assert error.get_text(" ", strip=True) == f"Error: {message}"
    assert field["aria-invalid"] == "true"
    assert f"{field_id}_error" in field["aria-describedby"].split()
    assert error.find_parent(class_="form-group--error") is field.find_parent(class_="form-group--error")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("preferred_contact", "Select how you would like us to contact you"),
        ("warning_sign", "Select yes if any of these apply to you"),
    ],
)
def test_missing_radio_answer_is_explained_inside_its_fieldset(clinic_pages, client, name, message):
    page = BeautifulSoup(post_enquiry(client, empty_form_data()).content, "html.parser")
    fieldset = page.select_one(f"#enquiry-{name}_0").find_parent("fieldset")
    error = fieldset.select_one(f"#enquiry-{name}_error")

    assert error.get_text(" ", strip=True) == f"Error: {message}"
    assert f"enquiry-{name}_error" in fieldset["aria-describedby"].split()


def test_fields_without_a_problem_are_not_marked_invalid(clinic_pages, client):
    page = BeautifulSoup(post_enquiry(client, empty_form_data()).content, "html.parser")

    assert not page.select_one("#enquiry-phone").has_attr("aria-invalid")
    assert page.select_one("#enquiry-phone_error") is None
    assert page.select_one("#enquiry-treatment_error") is None


def test_everything_typed_is_kept_when_an_error_is_shown(clinic_pages, client):
    data = valid_form_data(
        name="Ada Patient",
        email="ada.example.com",
        phone="020 7946 0982",
        preferred_contact="phone",
        treatment="osteopathy",
        message="My neck clicks when I turn my head.\nIs that something you treat?",
        warning_sign="no",
    )

    response = post_enquiry(client, data)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert [link["href"] for link in page.select(".error-summary a")] == ["#enquiry-email"]
    assert page.select_one("#enquiry-name")["value"] == "Ada Patient"
    assert page.select_one("#enquiry-email")["value"] == "ada.example.com"
    assert page.select_one("#enquiry-phone")["value"] == "020 7946 0982"
    assert page.select_one("#enquiry-message").get_text().strip() == data["message"]
    assert [o["value"] for o in page.select("#enquiry-treatment option[selected]")] == ["osteopathy"]
    assert page.select_one("input[name=preferred_contact][checked]")["value"] == "phone"
    assert page.select_one("input[name=warning_sign][checked]")["value"] == "no"
    # The same submission token, so the corrected form is still sent once.
    assert page.select_one("input[name=token]")["value"] == data["token"]
    assert not Enquiry.objects.exists()


def test_preferring_a_call_without_a_phone_number_asks_for_one(clinic_pages, client):
    response = post_enquiry(client, valid_form_data(preferred_contact="phone", phone=""))

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert [(a["href"], a.get_text()) for a in page.select(".error-summary a")] == [
        ("#enquiry-phone", "Enter a telephone number, so that we can call you")
    ]
    assert page.select_one("#enquiry-phone")["aria-invalid"] == "true"
    assert not Enquiry.objects.exists()
