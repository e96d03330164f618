"""
A new receptionist's first sign-in as production has it: password, then setting
up an authenticator app from the QR code page, then the recovery codes; later
sign-ins ask for the app's code. And the page someone sees after too many wrong
passwords. axe-core checks each of these pages, which the project renders itself.
"""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from django.urls import reverse

from tests.accounts.conftest import current_code
from tests.factories import make_user

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def receptionist():
    return make_user("reception", groups=["Reception"])


def sign_in(page, live_server, password=PASSWORD, code=None):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("reception")
    page.get_by_label("Password").fill(password)
    if code is not None:
        page.get_by_label("Security code").fill(code)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")


@VIEWPORTS
def test_first_sign_in_sets_up_an_authenticator_then_asks_for_its_code(
    page, live_server, receptionist, axe_check, viewport
):
    page.set_viewport_size(viewport)
    sign_in(page, live_server)

    expect(page).to_have_url(live_server.url + "/admin/two-factor/set-up/")
    expect(page.get_by_role("heading", name="Set up two-factor authentication")).to_be_visible()
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Enter the 6-digit code your app shows")).to_be_visible()
    axe_check(page)

    device = TOTPDevice.objects.get(user=receptionist, confirmed=False)
    code = current_code(device)
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.locator(".recovery-codes li").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    axe_check(page)
    page.get_by_role("link", name="Continue to the admin").click()
    expect(page).to_have_url(live_server.url + "/admin/")

    page.context.clear_cookies()
    sign_in(page, live_server, code=codes[0])  # the app's code was used once already
    expect(page).to_have_url(live_server.url + "/admin/")


@VIEWPORTS
def test_too_many_wrong_passwords_show_a_page_that_says_what_to_do(
    page, live_server, client, receptionist, axe_check, viewport
):
    page.set_viewport_size(viewport)
    # Four wrong passwords from this machine without a browser (quicker); the fifth in it.
    for _ in range(4):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "reception", "password": "wrong-password"},
            REMOTE_ADDR="127.0.0.1",
        )
    sign_in(page, live_server, password="wrong-password")

    expect(page.get_by_role("heading", name="Signing in is paused")).to_be_visible()
    expect(page.get_by_text("when 30 minutes have passed without a try")).to_be_visible()
    axe_check(page)
