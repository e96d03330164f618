"""
Two-factor authentication with django-otp: an authenticator app (TOTP) and
single-use recovery codes for each staff account.

A code is checked against the user's own devices only; django-otp refuses a
code already used (TOTP remembers the last time step it accepted, a recovery
code is deleted when used) and slows down repeated wrong guesses.
"""

from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def required():
    return settings.TWO_FACTOR_REQUIRED


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def verified_device(user, code):
    """The user's device that accepts ``code`` (an app's code or a recovery code), or None."""
    code = "".join(code.split()).lower()
    if not code:
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            allowed, _ = device.verify_is_allowed()
            if allowed and device.verify_token(code):
                return device
    return None


def seconds_to_wait(user):
    """
    How long django-otp's slow-down after wrong codes still holds for this
    user's authenticator (0 if it does not): the time doubles with each wrong code.
    """
    waits = [0]
    for device in devices_for_user(user, confirmed=None):
        allowed, details = device.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            waits.append(int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
    return max(waits)


def wait_message(seconds):
    unit = "second" if seconds == 1 else "seconds"
    return f"Too many wrong codes. Wait {seconds} {unit}, then enter the code your app shows."


def unconfirmed_app_device(user):
    """The authenticator being set up, made once and kept until it is confirmed with a code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def confirm(device, code):
    """Confirm a new authenticator with its first code; the user's old ones go."""
    if not device.verify_token("".join(code.split())):
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return True


def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones, and return them (shown once)."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def forget_devices(user):
    """
    Remove every second factor (a lost phone), and end the user's sessions:
    the next sign-in asks for the password and sets up a new one. Whoever holds
    a session signed in elsewhere (the lost phone's browser, say) must not be
    the one to set it up.
    """
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return end_sessions(user)


def end_sessions(user):
    """Sign the user out everywhere: delete their sessions (Django's database sessions). Returns how many."""
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)
