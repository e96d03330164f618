"""`manage.py create_local_admin` gives a developer a login, and only ever locally."""

import re
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse


def signs_in(client, password):
    """Sign in through the admin's own form, as a developer would."""
    response = client.post(reverse("wagtailadmin_login"), {"username": "admin", "password": password})
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def create_local_admin(out=None):
    """Run the command and return the password it printed."""
    out = out or StringIO()
    call_command("create_local_admin", stdout=out)
    return re.search(r"Password:\s+(\S+)", out.getvalue()).group(1)


def test_refuses_to_run_without_debug(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("create_local_admin", stdout=StringIO())

    assert not get_user_model().objects.exists()


def test_creates_a_superuser_who_can_log_in(db, settings, client):
    settings.DEBUG = True

    password = create_local_admin()

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.is_active
    assert admin.email == "admin@localhost"
    assert signs_in(client, password)
    assert client.get("/admin/").status_code == 200


def test_running_again_replaces_the_password(db, settings, client):
    settings.DEBUG = True
    first = create_local_admin()

    second = create_local_admin()

    assert second != first
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert not signs_in(client, first)
    assert signs_in(client, second)


def test_says_two_factor_is_off_locally_and_lifts_a_lockout(db, settings, client):
    settings.DEBUG = True
    create_local_admin()
    for _ in range(5):
        signs_in(client, "mistyped")
    out = StringIO()

    password = create_local_admin(out)

    assert "Two-factor authentication is off here" in out.getvalue()
    assert signs_in(client, password)
