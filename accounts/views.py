"""
Setting up two-factor authentication in the admin, and the recovery codes.

A staff member sets up an authenticator app at their first sign-in (scanning a
QR code, or typing the key), confirms it with a code, and gets ten single-use
recovery codes, shown once. They can make new recovery codes, or move to a new
phone, from "Two-factor authentication" in their account menu.
"""

import base64
import logging

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views import View
from django.views.decorators.cache import never_cache

from accounts import two_factor
from accounts.forms import ConfirmDeviceForm

logger = logging.getLogger(__name__)

NEW_CODES = "accounts.new_recovery_codes"


def qr_code_svg(url):
    """The authenticator link as an inline SVG QR code: drawn here, never fetched from another site."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    # Markup qrcode draws itself from the device's own URL: nothing in it comes from a person.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def grouped(key):
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@method_decorator([login_required(login_url="wagtailadmin_login"), never_cache], name="dispatch")
class SetUpView(View):
    template_name = "accounts/set_up.html"

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and two_factor.is_enrolled(request.user)
            and not request.user.is_verified()
        ):
            return redirect("wagtailadmin_login")  # only a verified session may replace its authenticator
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.page(request, ConfirmDeviceForm())

    def post(self, request):
        form = ConfirmDeviceForm(request.POST)
        device = two_factor.unconfirmed_app_device(request.user)
        if form.is_valid():
            if two_factor.confirm(device, form.cleaned_data["code"]):
                otp_login(request, device)
                request.session[NEW_CODES] = two_factor.new_recovery_codes(request.user)
                logger.info("Two-factor authentication set up for user %s.", request.user.pk)
                return redirect("accounts:recovery_codes")
            if wait := two_factor.seconds_to_wait(request.user):
                form.add_error("code", two_factor.wait_message(wait))
            else:
                form.add_error("code", "That code did not match. Enter the code your app shows now.")
        return self.page(request, form, status=200)

    def page(self, request, form, status=200):
        device = two_factor.unconfirmed_app_device(request.user)
        context = {
            "form": form,
            "qr_code": qr_code_svg(device.config_url),
            "key": grouped(base64.b32encode(device.bin_key).decode()),
            "replacing": two_factor.is_enrolled(request.user),
        }
        return render(request, self.template_name, context, status=status)


@method_decorator([login_required(login_url="wagtailadmin_login"), never_cache], name="dispatch")
class RecoveryCodesView(View):
    template_name = "accounts/recovery_codes.html"

    def get(self, request):
        codes = request.session.pop(NEW_CODES, None)
        context = {
            "codes": codes,
            "remaining": two_factor.remaining_recovery_codes(request.user),
            "enrolled": two_factor.is_enrolled(request.user),
        }
        return render(request, self.template_name, context)

    def post(self, request):
        if not (two_factor.is_enrolled(request.user) and request.user.is_verified()):
            return redirect("accounts:set_up")
        request.session[NEW_CODES] = two_factor.new_recovery_codes(request.user)
        messages.success(request, "Your old recovery codes no longer work. Keep the new ones safe.")
        return redirect("accounts:recovery_codes")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked sign-in (AXES_LOCKOUT_CALLABLE): a page that says what to do."""
    from axes.helpers import get_client_username, get_failure_limit

    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
