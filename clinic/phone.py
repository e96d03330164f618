"""
One rule for telephone numbers, the clinic's and patients' alike.

A number is read as a UK number unless it starts with + or 00, must be a real
number by libphonenumber's reckoning (django-phonenumber-field checks it), and
may hold no control characters. It is stored in E.164 form (+442082204254), so
the same number typed two ways is the same value; it is shown the way people
write it (020 8220 4254, or +33 1 23 45 67 89 for a number abroad); and it is
dialled through ``tel_href``, the one place a ``tel:`` link is made.

Ofcom's numbers for drama (07700 900xxx) are not real numbers and are refused;
tests use 020 7946 0xxx, which libphonenumber accepts.
"""

import functools
import re

from phonenumber_field import formfields, modelfields
from phonenumber_field.phonenumber import to_python
from phonenumbers import region_code_for_number

from django.conf import settings
from django.core.exceptions import ValidationError

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# What someone searching for a number types: digits, with spaces, brackets, dashes or a +.
NUMBER_CHARACTERS = frozenset("0123456789 ()-+")


def parse(value):
    """A ``PhoneNumber`` for a stored or typed number (valid or not), or None when there is none."""
    if value in (None, ""):
        return None
    return to_python(value, region=settings.PHONENUMBER_DEFAULT_REGION)


def display(value):
    """The number as people write it: national for a UK number, international for one abroad."""
    text = typed(value)
    return displayed(parse(value)) if text is None else displayed_text(text)


def tel_href(value):
    """``tel:+442082204254``: a link any phone can dial, from home or abroad."""
    text = typed(value)
    return dialled(parse(value)) if text is None else dialled_text(text)


def typed(value):
    """
    The text a number was read from, or None if there is none to go by. Every
    page shows the clinic's number twice and dials it twice, and libphonenumber
    takes a tenth of a millisecond to read it each time, so what is made of
    the same text is remembered (a few recent numbers, in this process only).
    """
    if value is None or isinstance(value, str):
        return value or ""
    return getattr(value, "raw_input", None) or None


def displayed(number):
    if number is None:
        return ""
    if not number.is_valid():
        return number.raw_input  # stored before the rule, or a fixed fallback
    if region_code_for_number(number) == settings.PHONENUMBER_DEFAULT_REGION:
        return number.as_national
    return number.as_international


def dialled(number):
    if number is None:
        return ""
    if number.is_valid():
        return f"tel:{number.as_e164}"
    return "tel:" + re.sub(r"[^\d+]", "", number.raw_input)


@functools.lru_cache(maxsize=64)
def displayed_text(text):
    return displayed(parse(text))


@functools.lru_cache(maxsize=64)
def dialled_text(text):
    return dialled(parse(text))


def digits_to_search_for(text):
    """
    The digits to look for in stored numbers when ``text`` is a whole or partial
    number (020 7946 0123, 07946, +44 20…), or "" when it is not one. The leading
    0 goes, so a UK number typed nationally is found in its E.164 form.
    """
    text = text.replace("(0)", "")  # +44 (0)20 …: the 0 is dialled only from within the UK
    if not set(text) <= NUMBER_CHARACTERS:
        return ""
    digits = "".join(character for character in text if character.isdigit())
    return digits.lstrip("0") if len(digits) >= 4 else ""


class PhoneNumberFormField(formfields.PhoneNumberField):
    """The form side of the rule; a line break or other control character is refused before parsing."""

    def to_python(self, value):
        # libphonenumber skips over characters it does not expect, so they are caught first.
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class PhoneNumberField(modelfields.PhoneNumberField):
    """The model side of the rule: stored as E.164, edited through ``PhoneNumberFormField``."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhoneNumberFormField, **kwargs})
