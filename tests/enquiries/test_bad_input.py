"""
Input no person would mean to send, and some they might: each gets a clear
message and stores nothing, and nothing at all produces a server error.
"""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from django.urls import reverse

from enquiries.forms import NULL_CHARACTERS, PHONE_EXAMPLES
from enquiries.models import Enquiry
from tests.enquiries.factories import post_enquiry, valid_form_data

pytestmark = pytest.mark.django_db

WRONG_EMAIL = "Enter an email address in the correct format, like name@example.com"


def errors_beside(response, field_id):
    """The messages shown beside a field, each without its visually hidden "Error:" prefix."""
    error = BeautifulSoup(response.content, "html.parser").select_one(f"#{field_id}_error")
    assert error is not None, f"no error shown beside {field_id}"
    return [message.strip() for message in error.get_text(" ", strip=True).split("Error:") if message.strip()]


BAD_INPUT = {
    "NUL byte in the name": ({"name": "Ada\x00Patient"}, "enquiry-name", NULL_CHARACTERS),
    "NUL byte in the message": ({"message": "My back\x00hurts"}, "enquiry-message", NULL_CHARACTERS),
    "NUL byte in the email": ({"email": "ada\x00@example.com"}, "enquiry-email", NULL_CHARACTERS),
    "line break in the name": (
        {"name": "Ada\r\nBcc: victim@example.com"},
        "enquiry-name",
        "Remove line breaks and unusual characters",
    ),
    "name over 100 characters": ({"name": "A" * 101}, "enquiry-name", "Name must be 100 characters or fewer"),
    "message over 2,000 characters": (
        {"message": "a" * 2001},
        "enquiry-message",
        "Message must be 2,000 characters or fewer",
    ),
    "email with a line break": ({"email": "a@example.com\nBcc: b@example.com"}, "enquiry-email", WRONG_EMAIL),
    "email with a second address": ({"email": "a@example.com, b@example.com"}, "enquiry-email", WRONG_EMAIL),
    "email over 254 characters": (
        {"email": "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".example"},
        "enquiry-email",
        "Email address must be 254 characters or fewer",
    ),
    "phone with letters": (
        {"phone": "call me maybe"},
        "enquiry-phone",
        PHONE_EXAMPLES,
    ),
    "unknown treatment": (
        {"treatment": "homeopathy"},
        "enquiry-treatment",
        "Select a treatment from the list, or 'I'm not sure'",
    ),
    "unpublished treatment": (
        {"treatment": "cupping"},
        "enquiry-treatment",
        "Select a treatment from the list, or 'I'm not sure'",
    ),
    "invalid preferred contact": (
        {"preferred_contact": "fax"},
        "enquiry-preferred_contact",
        "Select how you would like us to contact you",
    ),
    "invalid warning sign answer": (
        {"warning_sign": "maybe"},
        "enquiry-warning_sign",
        "Select yes if any of these apply to you",
    ),
    "only spaces for a message": ({"message": "   \r\n  "}, "enquiry-message", "Enter your message"),
}


@pytest.mark.parametrize(("overrides", "field_id", "message"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_clear_message_beside_the_field_and_stores_nothing(
    clinic_pages, client, overrides, field_id, message
):
    response = post_enquiry(client, valid_form_data(**overrides))

    assert response.status_code == 200
    assert message in errors_beside(response, field_id)
    summary = BeautifulSoup(response.content, "html.parser").select(".error-summary a")
    assert message in [link.get_text() for link in summary]
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "Ada\x00Patient"), ("email", "ada\x00@example.com"), ("phone", "0208\x00220 4254")],
)
def test_nul_byte_gets_one_message_not_two(client, field, value):
    response = post_enquiry(client, valid_form_data(**{field: value}))

    assert errors_beside(response, f"enquiry-{field}") == [NULL_CHARACTERS]


def test_nul_byte_in_the_treatment_gets_the_plain_english_message(clinic_pages, client):
    response = post_enquiry(client, valid_form_data(treatment="osteo\x00pathy"))

    assert response.status_code == 200
    assert errors_beside(response, "enquiry-treatment") == [NULL_CHARACTERS]


@pytest.mark.parametrize("phone", ["0208\r\n220 4254", "0208\x1c220\x1f4254", "0208\t220\v4254"])
def test_phone_number_with_line_breaks_or_control_characters_is_refused(client, phone):
    response = post_enquiry(client, valid_form_data(phone=phone))

    assert response.status_code == 200
    assert errors_beside(response, "enquiry-phone")
    assert not Enquiry.objects.exists()


def test_longest_allowed_name_and_message_are_accepted(client):
    response = post_enquiry(client, valid_form_data(name="A" * 100, message="a" * 2000))

    assert response.status_code == 302
    assert len(Enquiry.objects.get().message) == 2000


def test_message_of_2000_characters_with_line_breaks_is_accepted(client):
    # 20 lines of 99 characters: 2,000 characters as the browser and the character count see them.
    typed = ("a" * 99 + "\n") * 20
    sent_by_the_browser = typed.replace("\n", "\r\n")

    response = post_enquiry(client, valid_form_data(message=sent_by_the_browser))

    assert response.status_code == 302
    assert Enquiry.objects.get().message == typed.strip()


def test_over_long_message_is_shown_back_in_full_so_it_can_be_shortened(client):
    message = "My shoulder hurts. " * 120

    response = post_enquiry(client, valid_form_data(message=message))

    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#enquiry-message").get_text().strip() == message.strip()
    assert page.select_one("#enquiry-message")["aria-invalid"] == "true"


def test_body_of_several_megabytes_gets_a_friendly_page_and_stores_nothing(client):
    response = post_enquiry(client, valid_form_data(message="a" * 3 * 1024 * 1024))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Sorry, we could not read that" in html
    assert "nothing was saved" in html
    assert "020 8220 4254" in html
    assert not Enquiry.objects.exists()


def test_thousands_of_fields_get_a_friendly_page_and_store_nothing(client):
    flood = {f"field{number}": "x" for number in range(11_000)}

    response = post_enquiry(client, {**valid_form_data(), **flood})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Sorry, we could not read that" in html
    assert "020 8220 4254" in html
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"name=%FF%FE&message=%C3%28&email=%80", "application/x-www-form-urlencoded"),
        (b"name=Ada&message=hi", "application/x-www-form-urlencoded; charset=no-such-charset"),
        (
            b'--xx\r\nContent-Disposition: form-data; name="name"\r\n\r\n\xff\xfe\r\n--xx--',
            "multipart/form-data; boundary=xx",
        ),
        (b"not multipart at all", "multipart/form-data"),
        (b"not multipart at all", "multipart/form-data; boundary=xx"),
        (b'{"name": "Ada"}', "application/json"),
    ],
    ids=["bad utf-8", "unknown charset", "bad utf-8 in multipart", "no boundary", "no parts", "json"],
)
def test_unreadable_body_is_never_a_server_error(client, body, content_type):
    response = client.generic("POST", reverse("enquiries:submit"), body, content_type=content_type)

    assert response.status_code < 500
    assert not Enquiry.objects.exists()


def test_repeated_fields_are_read_once(client):
    data = valid_form_data()
    data["name"] = ["Ada Patient", "Second Name"]

    response = post_enquiry(client, data)

    assert response.status_code == 302
    assert Enquiry.objects.get().name == "Second Name"


def test_invalid_submission_token_is_not_an_error_for_the_patient(client):
    response = post_enquiry(client, valid_form_data(token="not-a-uuid"))

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1


def test_get_request_to_the_send_address_is_refused_without_an_error(client):
    assert client.get(reverse("enquiries:submit")).status_code == 405


# Property-based: anything at all in any field ----------------------------------------------------

FIELDS = [
    "name",
    "email",
    "phone",
    "preferred_contact",
    "treatment",
    "message",
    "warning_sign",
    "token",
    "started",
    "source",
    "website",
]
KEEP = None
# st.text() draws any Unicode text without surrogates: control characters, NUL, combining marks.
ANY_VALUE = {field: st.text() for field in FIELDS}
ANY_VALUE["treatment"] = st.one_of(st.text(), st.sampled_from(["osteopathy", "medical-acupuncture"]))
FUZZ_SETTINGS = hsettings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_handled(response):
    """A confirmation, or the form again with every problem listed and linked to its field."""
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        page = BeautifulSoup(response.content, "html.parser")
        links = page.select(".error-summary a")
        assert links
        for link in links:
            assert page.select_one(link["href"]) is not None, link["href"]


@FUZZ_SETTINGS
@given(
    replacements=st.fixed_dictionaries(
        {field: st.one_of(st.just(KEEP), strategy) for field, strategy in ANY_VALUE.items()}
    ),
    left_out=st.sets(st.sampled_from(FIELDS)),
)
def test_no_mix_of_field_values_produces_a_server_error(client, settings, demo_site, replacements, left_out):
    """Each field kept valid, replaced by any text at all, or left out."""
    settings.ENQUIRIES_RATE_LIMIT = "100000/600"
    data = valid_form_data()
    data.update({field: value for field, value in replacements.items() if value is not KEEP})
    for field in left_out:
        data.pop(field)

    assert_handled(post_enquiry(client, data))


@FUZZ_SETTINGS
@given(data=st.data())
def test_any_text_in_any_one_field_is_stored_or_explained(client, settings, demo_site, data):
    """One field at a time, the rest valid, so that odd values also reach the database."""
    settings.ENQUIRIES_RATE_LIMIT = "100000/600"
    field = data.draw(st.sampled_from(FIELDS))
    form_data = valid_form_data(**{field: data.draw(ANY_VALUE[field])})

    response = post_enquiry(client, form_data)

    assert_handled(response)
    if response.status_code == 302 and field not in ("token", "started", "website"):
        # A confirmation for a person's form means the enquiry was stored.
        assert Enquiry.objects.filter(submission_token=form_data["token"]).exists()
