"""Staff sessions end after 30 minutes without a request, and 12 hours after signing in."""

from datetime import timedelta

import pytest
import time_machine

from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import current_code, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_session_limits(settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    settings.SESSION_SAVE_EVERY_REQUEST = True
    settings.SESSION_MAX_LIFETIME = 12 * 60 * 60


def signed_in(client, authenticator):
    assert sign_in(client, code=current_code(authenticator)).status_code == 302


def test_thirty_minutes_without_a_request_signs_out(client, authenticator):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        signed_in(client, authenticator)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
    with time_machine.travel(start + timedelta(minutes=29 + 31), tick=False):
        assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_twelve_hours_after_signing_in_signs_out_however_busy(client, authenticator):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        signed_in(client, authenticator)
    for minutes in range(20, 12 * 60, 20):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert client.get(reverse("wagtailadmin_home")).status_code == 200, minutes

    with time_machine.travel(start + timedelta(hours=12, minutes=1), tick=False):
        response = client.get(reverse("wagtailadmin_home"))
        assert response["Location"] == reverse("wagtailadmin_login")
        assert "signed out after 12 hours" in client.get(reverse("wagtailadmin_login")).content.decode()
