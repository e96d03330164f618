"""Every staff account signs in with a second factor: set up at the first sign-in, then asked each time."""

import re
from io import StringIO

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse

from tests.accounts.conftest import current_code, sign_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_new_staff_member_sets_up_an_authenticator_before_seeing_anything(client, staff):
    assert sign_in(client).status_code == 302

    assert client.get(reverse("wagtailadmin_home"))["Location"] == reverse("accounts:set_up")
    assert client.get("/admin/enquiries/")["Location"] == reverse("accounts:set_up")
    page = client.get(reverse("accounts:set_up"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html  # the QR code, drawn here
    assert re.search(r"<code>([A-Z2-7]{4} ?)+</code>", html)

    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    wrong = client.post(reverse("accounts:set_up"), {"code": "000000"})
    assert "did not match" in wrong.content.decode()
    confirmed = client.post(reverse("accounts:set_up"), {"code": current_code(device)})

    assert confirmed["Location"] == reverse("accounts:recovery_codes")
    codes = re.findall(
        r"<li><code>([a-z2-7]{8})</code></li>",
        client.get(reverse("accounts:recovery_codes")).content.decode(),
    )
    assert len(codes) == 10
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    # Shown once: a second look gives the count, not the codes.
    assert "10 recovery codes left" in client.get(reverse("accounts:recovery_codes")).content.decode()


def test_a_password_alone_is_not_enough_once_set_up(client, authenticator):
    response = sign_in(client)

    assert response.status_code == 200
    assert "Enter the current code from your authenticator app" in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_right_code_signs_in_and_a_wrong_one_does_not(client, authenticator):
    assert sign_in(client, code="123456").status_code == 200

    response = sign_in(client, code=current_code(authenticator))

    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_code_that_was_used_cannot_be_used_again(client, authenticator):
    code = current_code(authenticator)
    assert sign_in(client, code=code).status_code == 302
    client.logout()

    replayed = sign_in(client, code=code)

    assert replayed.status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_a_recovery_code_signs_in_once(client, staff, authenticator):
    client.force_login(staff)
    # force_login leaves the session unverified: sign in properly to make the codes.
    client.logout()
    sign_in(client, code=current_code(authenticator))
    client.post(reverse("accounts:recovery_codes"))
    code = StaticToken.objects.filter(device__user=staff).first().token
    client.logout()

    assert sign_in(client, code=code).status_code == 302
    client.logout()
    assert sign_in(client, code=code).status_code == 200
    assert StaticToken.objects.filter(device__user=staff).count() == 9


def test_a_session_from_before_two_factor_signs_in_again(client, staff, authenticator):
    client.force_login(staff)  # signed in without a second factor

    response = client.get(reverse("wagtailadmin_home"))

    assert response["Location"] == reverse("wagtailadmin_login")
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(reverse("wagtailadmin_login"))


def test_resetting_a_lost_phone_makes_the_next_sign_in_set_up_again(client, staff, authenticator):
    out = StringIO()
    call_command("reset_two_factor", "rita", stdout=out)

    assert "rita" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=staff).exists()
    sign_in(client)
    assert client.get(reverse("wagtailadmin_home"))["Location"] == reverse("accounts:set_up")


def test_resetting_a_lost_phone_signs_the_user_out_everywhere(client, staff, authenticator):
    signed_in = sign_in(client, code=current_code(authenticator))
    assert signed_in.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    colleague = make_user("colin", groups=["Reception"])
    colleague_client = type(client)()
    colleague_client.force_login(colleague)
    out = StringIO()

    call_command("reset_two_factor", "rita", stdout=out)

    assert "signed out everywhere (1 session ended)" in out.getvalue()
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(reverse("wagtailadmin_login"))
    assert Session.objects.count() == 1  # the colleague's, untouched


def test_a_password_reset_does_not_skip_the_second_factor(client, staff, authenticator, mailoutbox):
    client.post(reverse("wagtailadmin_password_reset"), {"email": "rita@clinic.test"})
    [email] = mailoutbox
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+/)", email.body)[1]
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-long-password-7", "new_password2": "another-long-password-7"},
    )

    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # not signed in by the reset
    assert sign_in(client, password="another-long-password-7").status_code == 200  # the code is still asked
    assert (
        sign_in(client, password="another-long-password-7", code=current_code(authenticator)).status_code
        == 302
    )


def without_csrf_token(response):
    return re.sub(r'"CSRF_TOKEN": "\w+"', "", response.content.decode())


def test_a_password_reset_answers_the_same_for_known_and_unknown_addresses(client, staff, mailoutbox):
    known = client.post(reverse("wagtailadmin_password_reset"), {"email": "rita@clinic.test"})
    unknown = client.post(reverse("wagtailadmin_password_reset"), {"email": "nobody@clinic.test"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert without_csrf_token(client.get(known["Location"])) == without_csrf_token(
        client.get(unknown["Location"])
    )
    assert [message.to for message in mailoutbox] == [["rita@clinic.test"]]


def test_wrong_codes_slow_down_guessing_and_say_how_long_to_wait(client, authenticator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    settings.OTP_STATIC_THROTTLE_FACTOR = 1
    sign_in(client, code="000000")

    response = sign_in(client, code=current_code(authenticator))

    assert response.status_code == 200
    assert re.search(r"Too many wrong codes\. Wait \d+ seconds?, then enter", response.content.decode())
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_set_up_page_gets_its_icons_and_translations(client, staff):
    sign_in(client)

    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200


def test_moving_to_a_new_phone_keeps_the_old_app_until_the_new_one_is_confirmed(client, staff, authenticator):
    sign_in(client, code=current_code(authenticator))
    assert "Move to a new authenticator" in client.get(reverse("accounts:set_up")).content.decode()
    new_device = TOTPDevice.objects.get(user=staff, confirmed=False)
    client.logout()

    # Not confirmed yet: the old app still signs in, and is still asked for.
    assert sign_in(client, code=current_code(authenticator, steps_ahead=1)).status_code == 302
    client.post(reverse("accounts:set_up"), {"code": current_code(new_device)})

    assert list(TOTPDevice.objects.filter(user=staff).values_list("pk", "confirmed")) == [
        (new_device.pk, True)
    ]
