"""Every staff session in the admin has passed two-factor authentication, or is setting it up."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from accounts import two_factor


class RequireTwoFactorMiddleware:
    """
    In the admin, a signed-in user whose session is not verified with a second
    factor goes to set one up; one who has a device but an unverified session
    (signed in before two-factor was required) signs in again. Only signing in
    and out, resetting a password and setting up are open to them meanwhile,
    with the icons and translations those pages load.
    """

    OPEN = (
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "accounts:set_up",
        "accounts:recovery_codes",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            two_factor.required()
            and user.is_authenticated
            and request.path_info.startswith(settings.ADMIN_URL_PREFIX)
            and not user.is_verified()
            and not self.is_open(request.path_info)
        ):
            if two_factor.is_enrolled(user):
                logout(request)
                messages.info(request, "Please sign in again with your security code.")
                return redirect("wagtailadmin_login")
            return redirect("accounts:set_up")
        return self.get_response(request)

    def is_open(self, path):
        if path.startswith(reverse("wagtailadmin_password_reset")):
            return True
        return path in {reverse(name) for name in self.OPEN}
