"""Staff sign-in as production has it: two-factor authentication required, the lockout on."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.urls import reverse

from tests.factories import make_user

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    # A test types its next code within the second; a person does not. The
    # slow-down after wrong codes has its own test, with the factor as shipped.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def staff(db):
    return make_user("rita", groups=["Reception"], email="rita@clinic.test")


def current_code(device, steps_ahead=0):
    """The code the staff member's authenticator app shows now (or ``steps_ahead`` 30-second steps on)."""
    code = totp(
        device.bin_key, step=device.step, t0=device.t0 - steps_ahead * device.step, digits=device.digits
    )
    return str(code).zfill(device.digits)


@pytest.fixture
def authenticator(staff):
    return TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)


def sign_in(client, username="rita", password=PASSWORD, code=None, address="203.0.113.5"):
    data = {"username": username, "password": password}
    if code is not None:
        data["otp_code"] = code
    return client.post(reverse("wagtailadmin_login"), data, REMOTE_ADDR=address)
