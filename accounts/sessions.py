"""
Sessions that end: after 30 minutes without a request (SESSION_COOKIE_AGE, with
the session saved on every request) and 12 hours after signing in, however
busy (SESSION_MAX_LIFETIME). A shared computer at reception is not left signed in.
"""

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect

SIGNED_IN_AT = "accounts.signed_in_at"

logger = logging.getLogger(__name__)


def note_sign_in_time(sender, request, user, **kwargs):
    request.session[SIGNED_IN_AT] = time.time()


def report_lockout(sender, request, **kwargs):
    # No username or address: monitoring needs the event, and the log keeps no personal data.
    logger.warning("Staff sign-in locked after repeated failures for one user from one address.")


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and self.outlived(request.session):
            logout(request)
            if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
                messages.info(
                    request, "For your security you were signed out after 12 hours. Please sign in again."
                )
                return redirect("wagtailadmin_login")
        return self.get_response(request)

    @staticmethod
    def outlived(session):
        signed_in_at = session.get(SIGNED_IN_AT)
        return signed_in_at is None or time.time() - signed_in_at > settings.SESSION_MAX_LIFETIME
