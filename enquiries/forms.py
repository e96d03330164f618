"""
The "Write to us" form, and the inbox's small forms for staff.

Error messages follow the GOV.UK design system: they say what to do, in the
patient's words. Anti-spam fields (a honeypot and a signed start time) travel
with the form so that bots can be told apart without any third-party service.
"""

import functools
import re
import time
import uuid
from pathlib import Path

from phonenumber_field.widgets import RegionalPhoneNumberWidget

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import RegexValidator
from django.forms.renderers import Jinja2
from django.utils.functional import cached_property

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permissions import policy_registry

from clinic.phone import PhoneNumberFormField
from enquiries.models import (
    EMAIL_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    NAME_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    PHONE_MAX_LENGTH,
    ContactPreference,
    Enquiry,
    Outcome,
    Status,
    treatments,
)

STARTED_SALT = "enquiries.form-started"
NULL_CHARACTERS = "Remove the unusual characters from what you typed"

# Line breaks and other control characters have no place in a name or phone number
# (and in an email header they would be an injection).
no_control_characters = RegexValidator(
    r"[\x00-\x1f\x7f]", inverse_match=True, message="Remove line breaks and unusual characters"
)
PHONE_EXAMPLES = "Enter a telephone number, like 020 7946 0958 or +44 20 7946 0958"


class MessageField(forms.CharField):
    """
    Browsers send each line break as CRLF, while people (and the character
    count) see one character: count and store the message with LF only.
    """

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


def signed_start_time():
    return signing.dumps(int(time.time()), salt=STARTED_SALT)


class PublicFormRenderer(Jinja2):
    """
    How the forms patients fill in are drawn: each field as a GOV.UK form group
    (``enquiries/jinja2/enquiries/forms/field.html``, through
    ``{{ form.<field>.as_field_group }}``), its control from Django's widget
    templates, all in Jinja2. Jinja2 compiles a template to Python once;
    Django's template language walks its nodes on every visit, and the contact
    page's nine fields took half of the page's time that way. The pages around
    the forms stay in Django's templates, as the rest of the site and Wagtail's
    admin do.

    ``enquiries/jinja2/django/forms/widgets/`` holds Django's templates for the
    widgets these forms use, with the same output, each written out in one
    template with the attributes' loop inline: Django's include ``input.html``
    and ``attrs.html``, and every include copies the whole context, once for
    each input and option (a macro cost a third as much again). Only this
    renderer looks there.
    """

    field_template_name = "enquiries/forms/field.html"

    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": False,
                "DIRS": [Path(__file__).parent / "jinja2", Path(forms.__file__).parent / "jinja2"],
                "NAME": "publicforms",
                "OPTIONS": {},
            }
        )


class PublicForm(forms.Form):
    """A form a patient fills in: GOV.UK field groups and error summary (``includes/error_summary.html``)."""

    # One renderer for every form, made once: its Jinja2 environment keeps the compiled templates.
    default_renderer = PublicFormRenderer()

    @property
    def error_list(self):
        """Every error, in the order of the fields, for the error summary: (field id, message)."""
        return [
            (self[name].id_for_label or f"{self[name].auto_id}_0", error)
            for name in self.fields
            if name in self.errors
            for error in self.errors[name]
            if error
        ]


@functools.cache
def live_treatments():
    """
    The treatments a patient can choose, as a query never run here: each form
    takes its own copy (the field clones it), as with a queryset given on the
    class, and building it afresh cost a tenth of the form.
    """
    return treatments().live().only("title", "slug")


class EnquiryForm(PublicForm):
    name = forms.CharField(
        label="Your name",
        max_length=NAME_MAX_LENGTH,
        validators=[no_control_characters],
        error_messages={
            "required": "Enter your name",
            "max_length": f"Name must be {NAME_MAX_LENGTH} characters or fewer",
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label="Email address",
        max_length=EMAIL_MAX_LENGTH,
        help_text="We will only use this to reply to your enquiry.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": f"Email address must be {EMAIL_MAX_LENGTH} characters or fewer",
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = PhoneNumberFormField(
        label="Telephone number (optional)",
        required=False,
        max_length=PHONE_MAX_LENGTH,
        error_messages={
            "invalid": PHONE_EXAMPLES,
            "max_length": f"Telephone number must be {PHONE_MAX_LENGTH} characters or fewer",
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
        widget=RegionalPhoneNumberWidget(attrs={"autocomplete": "tel"}),
    )
    preferred_contact = forms.ChoiceField(
        label="How would you like us to contact you?",
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how you would like us to contact you",
            "invalid_choice": "Select how you would like us to contact you",
        },
    )
    treatment = forms.ModelChoiceField(
        label="Which treatment are you asking about?",
        queryset=None,
        required=False,
        to_field_name="slug",
        empty_label="I'm not sure",
        error_messages={
            "invalid_choice": "Select a treatment from the list, or 'I'm not sure'",
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
    )
    message = MessageField(
        label="Your message",
        max_length=MESSAGE_MAX_LENGTH,
        help_text="Briefly describe what is troubling you and any questions you have. "
        "There is no need to give your full medical history.",
        error_messages={
            "required": "Enter your message",
            "max_length": f"Message must be {MESSAGE_MAX_LENGTH:,} characters or fewer",
            "null_characters_not_allowed": NULL_CHARACTERS,
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    warning_sign = forms.ChoiceField(
        label="Do any of these apply to you?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select yes if any of these apply to you",
            "invalid_choice": "Select yes if any of these apply to you",
        },
    )
    # Sending the same form twice (double click, back and resend) stores it once.
    token = forms.UUIDField(widget=forms.HiddenInput, error_messages={"invalid": "", "required": ""})
    started = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    # The page the form was opened from, e.g. /contact/?treatment=osteopathy.
    source = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)
    # The honeypot: hidden from people by CSS and from screen readers; bots fill it in.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "enquiry-%s")
        super().__init__(*args, **kwargs)
        self.fields["treatment"].queryset = live_treatments()
        # GOV.UK's character count: no hard maxlength, which would cut pasted text
        # without saying so. The MaxLengthValidator added on creation still applies,
        # and the template shows the count from the same limit.
        self.fields["message"].max_length = None
        self.fields["message"].widget.attrs.pop("maxlength", None)
        self.fields["message"].character_limit = MESSAGE_MAX_LENGTH
        self.fields["preferred_contact"].radios_inline = True
        self.fields["warning_sign"].radios_inline = True
        # The warning signs listed above the question (enquiry_form.html) are read with it.
        self.fields["warning_sign"].described_by = f"{self['warning_sign'].auto_id}-signs"
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())
            self.initial.setdefault("started", signed_start_time())

    def offer_treatments(self, choices):
        """
        The treatments to choose from, as the page keeps them. One chosen by the
        address that is not among them (a mistyped or outdated link) chooses
        "I'm not sure", as the plain page does: a blank form's fields are kept
        for each treatment it can choose (``includes/enquiry_form.html``), and
        links anyone can invent must not add to them.
        """
        self.fields["treatment"].choices = choices
        if self.initial.get("treatment") not in {str(value) for value, _ in choices}:
            self.initial["treatment"] = ""

    @property
    def warning_sign_reported(self):
        return self.cleaned_data.get("warning_sign") == "yes"

    def clean_source(self):
        source = self.cleaned_data["source"]
        return source if source.startswith("/") and not source.startswith("//") else ""

    def clean_name(self):
        return re.sub(r"\s+", " ", self.cleaned_data["name"]).strip()

    def clean(self):
        cleaned = super().clean()
        wants_a_call = cleaned.get("preferred_contact") == ContactPreference.PHONE
        if wants_a_call and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", "Enter a telephone number, so that we can call you")
        for name in list(self.errors):
            # One plain message for a NUL byte, not one from each check it also fails.
            if "\x00" in str(self.data.get(self.add_prefix(name), "")):
                self.errors[name] = self.error_class([NULL_CHARACTERS])
        for hidden in ("token", "source", "started", "website"):
            # Only a tampered form or a bot gets these wrong: no message a person could act on.
            # (A filled-in honeypot is still seen by looks_automated, from the raw data.)
            self.errors.pop(hidden, None)
        cleaned.setdefault("token", None)
        if cleaned["token"] is None:
            cleaned["token"] = uuid.uuid4()
        return cleaned

    @property
    def looks_automated(self):
        """True for a filled-in honeypot, or a form sent faster than a person could type, or a forged time."""
        if self.data.get(self.add_prefix("website")):
            return True
        try:
            started = signing.loads(self.data.get(self.add_prefix("started"), ""), salt=STARTED_SALT)
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return not isinstance(started, int) or time.time() - started < settings.ENQUIRIES_MIN_SECONDS_TO_FILL


def message_looks_like_spam(message):
    """Several links, or forum link markup: kept for staff to check, never dropped."""
    links = len(re.findall(r"https?://|www\.", message, flags=re.IGNORECASE))
    return links >= 3 or bool(re.search(r"\[url=|<a\s+href", message, flags=re.IGNORECASE))


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note for colleagues",
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Notes are for staff only and are never sent to the patient.",
        error_messages={"required": "Write the note before adding it"},
    )


class CloseForm(forms.Form):
    """
    The outcome to close with: one form for the Close button on an enquiry and
    the bulk Close, so both offer the same outcomes and say the same thing.
    """

    outcome = forms.ChoiceField(
        choices=[("", "Choose an outcome"), *Outcome.choices],
        label="Outcome",
        error_messages={
            "required": "Choose an outcome before closing",
            "invalid_choice": "Choose an outcome from the list before closing",
        },
    )


class TriageForm(WagtailAdminModelForm):
    """Only the triage fields; the assignee is someone who can handle enquiries."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.CLOSED and not cleaned.get("outcome"):
            self.add_error("outcome", "Choose an outcome to close the enquiry.")
        return cleaned

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            policy_registry.get_by_type(Enquiry).users_with_permission("change").order_by("username")
        )
