"""Repeated failed sign-ins pause signing in as that user from that address for half an hour."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from axes.models import AccessLog

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import current_code, sign_in

pytestmark = pytest.mark.django_db


def fail_five_times(client, **kwargs):
    """Four wrong passwords get the usual error; the fifth pauses signing in."""
    for _ in range(4):
        assert sign_in(client, password="wrong-password", **kwargs).status_code == 200
    assert sign_in(client, password="wrong-password", **kwargs).status_code == 429


def test_five_wrong_passwords_pause_signing_in_even_with_the_right_one(client, staff):
    fail_five_times(client)

    response = sign_in(client)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Signing in is paused" in html
    assert "30 minutes" in html
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_pause_is_for_that_user_from_that_address_only(client, staff, settings):
    settings.TWO_FACTOR_REQUIRED = False
    fail_five_times(client, address="203.0.113.5")

    assert sign_in(client, address="198.51.100.7").status_code == 302


def test_wrong_security_codes_count_as_failures(client, authenticator):
    for _ in range(4):
        assert sign_in(client, code="000000").status_code == 200
    assert sign_in(client, code="000000").status_code == 429

    assert sign_in(client, code=current_code(authenticator)).status_code == 429


def test_an_administrator_can_lift_the_pause(client, staff, settings):
    settings.TWO_FACTOR_REQUIRED = False
    fail_five_times(client)

    call_command("axes_reset_username", "rita", stdout=StringIO())

    assert sign_in(client).status_code == 302


def test_behind_our_proxy_the_pause_follows_the_real_client_not_a_forged_header(client, staff, settings):
    settings.TWO_FACTOR_REQUIRED = False
    settings.ENQUIRIES_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.ENQUIRIES_TRUSTED_PROXY_COUNT = 1
    for forged in range(5):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "rita", "password": "wrong-password"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{forged}, 203.0.113.5",
        )

    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "rita", "password": "a-long-test-password"},
        HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5",
    )

    assert response.status_code == 429


def test_a_lockout_is_logged_without_the_username_or_address(client, staff, caplog):
    fail_five_times(client)

    [record] = [record for record in caplog.records if "locked" in record.getMessage()]
    assert record.levelname == "WARNING"
    assert "rita" not in record.getMessage() and "203.0.113.5" not in record.getMessage()


def test_the_pause_ends_thirty_minutes_after_the_last_try(client, staff, settings):
    settings.TWO_FACTOR_REQUIRED = False
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail_five_times(client)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert sign_in(client).status_code == 429  # trying again starts the half hour again
    with time_machine.travel(start + timedelta(minutes=58), tick=False):
        assert sign_in(client).status_code == 429
    with time_machine.travel(start + timedelta(minutes=89), tick=False):
        assert sign_in(client).status_code == 302


def test_sign_ins_are_recorded_and_the_record_kept_ninety_days(client, staff, settings):
    settings.TWO_FACTOR_REQUIRED = False
    start = timezone.now()
    with time_machine.travel(start - timedelta(days=91), tick=False):
        assert sign_in(client).status_code == 302
    assert sign_in(client, address="198.51.100.7").status_code == 302

    call_command("axes_reset_logs", "--age", "90", stdout=StringIO())

    assert list(AccessLog.objects.values_list("username", "ip_address")) == [("rita", "198.51.100.7")]
