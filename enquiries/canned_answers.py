"""
Canned answers' placeholders: ``{first_name}`` and the like, filled in for one
patient when staff start a reply from a canned answer.

Filling is plain text substitution of known names, never ``str.format`` (which
would let a template reach into Python objects), and the result is plain text:
templates escape it wherever it is shown, and emails are plain text.
"""

import re

from clinic import phone

PLACEHOLDER_PATTERN = re.compile(r"\{(\w+)\}")

PLACEHOLDERS = {
    "first_name": "the patient's first name (their whole name if it starts with a title)",
    "reference": "the enquiry's reference",
    "clinic_name": "the clinic's name",
    "clinic_phone": "the clinic's phone number",
    "clinic_email": "the clinic's email address",
    "booking_link": "the online booking address, or the phone number when there is none",
    "my_name": "your name, as you sign your replies",
}

TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"}


def english_list(words):
    """ "a, b and c"."""
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def unknown_placeholders(text):
    """Names in curly brackets that are not placeholders, in the order written, once each."""
    return list(dict.fromkeys(name for name in PLACEHOLDER_PATTERN.findall(text) if name not in PLACEHOLDERS))


def first_name(full_name):
    """How a reply greets the patient: their first name, or all of it after a title ("Dr Ada Patient")."""
    words = full_name.split()
    if not words:
        return ""
    if words[0].rstrip(".").lower() in TITLES:
        return " ".join(words)
    return words[0]


def placeholder_values(enquiry, clinic, staff_name):
    clinic_phone = phone.display(clinic.phone)
    return {
        "first_name": first_name(enquiry.name),
        "reference": enquiry.reference,
        "clinic_name": clinic.name,
        "clinic_phone": clinic_phone,
        "clinic_email": clinic.email,
        "booking_link": clinic.booking_url or clinic_phone,
        "my_name": staff_name,
    }


def fill(text, values):
    """``text`` with each known placeholder replaced; anything else in curly brackets is left as written."""
    return PLACEHOLDER_PATTERN.sub(lambda match: values.get(match[1], match[0]), text)
