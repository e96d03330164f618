"""One phone rule for the clinic's number and patients': read, checked, stored, shown and dialled alike."""

import pytest

from django import forms
from django.core.exceptions import ValidationError

from wagtail.models import Site

from clinic.models import ClinicSettings
from clinic.phone import PhoneNumberFormField, digits_to_search_for, display, tel_href


class PhoneForm(forms.Form):
    phone = PhoneNumberFormField(required=False)


@pytest.mark.parametrize(
    ("typed", "stored", "shown", "href"),
    [
        ("020 8220 4254", "+442082204254", "020 8220 4254", "tel:+442082204254"),
        ("0208 220 4254", "+442082204254", "020 8220 4254", "tel:+442082204254"),
        ("(020) 8220-4254", "+442082204254", "020 8220 4254", "tel:+442082204254"),
        ("+44 20 8220 4254", "+442082204254", "020 8220 4254", "tel:+442082204254"),
        ("+44 (0)20 8220 4254", "+442082204254", "020 8220 4254", "tel:+442082204254"),
        ("0044 20 8220 4254", "+442082204254", "020 8220 4254", "tel:+442082204254"),
        ("07400 123456", "+447400123456", "07400 123456", "tel:+447400123456"),
        ("+33 1 23 45 67 89", "+33123456789", "+33 1 23 45 67 89", "tel:+33123456789"),
    ],
)
def test_a_number_typed_any_usual_way_is_stored_once_shown_as_written_and_dialled_in_full(
    typed, stored, shown, href
):
    form = PhoneForm({"phone": typed})

    assert form.is_valid(), form.errors
    number = form.cleaned_data["phone"]
    assert number.as_e164 == stored
    assert display(number) == shown
    assert tel_href(number) == href
    # Typed text and stored text follow the same rule as the parsed number.
    assert (display(typed), tel_href(typed)) == (shown, href)


@pytest.mark.parametrize(
    "typed",
    ["call me maybe", "12345", "020 8220 425", "07700 900123", "020\r\n8220 4254", "020\x008220 4254", "999"],
    ids=["letters", "too short", "a digit missing", "Ofcom drama", "line break", "NUL", "emergency"],
)
def test_what_is_not_a_real_number_is_refused(typed):
    assert not PhoneForm({"phone": typed}).is_valid()


def test_no_number_is_no_number():
    form = PhoneForm({"phone": ""})

    assert form.is_valid()
    assert form.cleaned_data["phone"] == ""
    assert (display(""), tel_href(""), display(None)) == ("", "", "")


def test_a_number_stored_before_the_rule_is_still_shown_and_dialled():
    assert display("07700 900123") == "07700 900123"
    assert tel_href("07700 900123") == "tel:07700900123"


@pytest.mark.django_db
def test_the_clinics_number_follows_the_same_rule(site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    details.phone = "0208 220 9999"
    details.full_clean()
    details.save()

    details.refresh_from_db()
    assert details.phone.as_e164 == "+442082209999"
    details.phone = "07700 900123"
    with pytest.raises(ValidationError) as refused:
        details.full_clean()
    assert list(refused.value.message_dict) == ["phone"]


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("020 7946 0123", "2079460123"),
        ("+44 20 7946 0123", "442079460123"),
        ("+44 (0)20 7946 0123", "442079460123"),
        ("(020) 7946-0123", "2079460123"),
        ("7946", "7946"),
        ("794", ""),
        ("Ada Patient", ""),
        ("ada@example.com", ""),
    ],
)
def test_staff_search_looks_for_the_digits_of_a_number(typed, digits):
    assert digits_to_search_for(typed) == digits
