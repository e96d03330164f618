"""Wagtail's sign-in form with a security code, and the form that confirms a new authenticator."""

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError

from wagtail.admin.forms.auth import LoginForm

from accounts import two_factor

CODE_HELP = (
    "The 6-digit code your authenticator app shows, or one of your recovery codes. "
    "Leave it empty if you have not set up two-factor authentication yet: you will be asked to next."
)


def code_field(**kwargs):
    return forms.CharField(
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
        **kwargs,
    )


class TwoFactorLoginForm(LoginForm):
    """
    A staff member who has set up two-factor authentication signs in with their
    password and a code. A wrong code counts as a failed sign-in for the lockout
    (django-axes), and django-otp refuses a code that was already used.
    """

    otp_code = code_field(label="Security code", required=False, help_text=CODE_HELP)

    error_messages = {
        **LoginForm.error_messages,
        "invalid_code": "Enter the current code from your authenticator app, or one of your recovery codes.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if not two_factor.required():
            del self.fields["otp_code"]

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and two_factor.required() and two_factor.is_enrolled(user):
            device = two_factor.verified_device(user, cleaned.get("otp_code", ""))
            if device is None:
                user_login_failed.send(
                    sender=__name__, credentials={"username": cleaned.get("username")}, request=self.request
                )
                if wait := two_factor.seconds_to_wait(user):
                    raise ValidationError(two_factor.wait_message(wait), code="wait")
                raise ValidationError(self.error_messages["invalid_code"], code="invalid_code")
            # django-otp marks the session verified when Django signs the user in.
            user.otp_device = device
        return cleaned


class ConfirmDeviceForm(forms.Form):
    code = code_field(
        label="Code from your authenticator app",
        help_text="After scanning, your app shows a 6-digit code that changes every 30 seconds.",
        error_messages={"required": "Enter the 6-digit code your app shows"},
    )
