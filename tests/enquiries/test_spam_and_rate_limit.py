"""
Bots, without third-party services: a honeypot and a signed start time send them
to the same confirmation a person sees, with nothing stored or sent; spam-looking
messages are kept but kept out of the inbox; and a per-client limit in the cache,
which a forged X-Forwarded-For cannot reset, pauses floods with the text kept.
"""

import time
import uuid
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from enquiries.forms import STARTED_SALT
from enquiries.models import Enquiry, OutboxEmail
from enquiries.ratelimit import cache_key
from tests.enquiries.builders import outbox_of
from tests.enquiries.factories import post_enquiry, started_seconds_ago, valid_form_data

pytestmark = pytest.mark.django_db


def assert_looks_sent(client, response):
    """The patient-facing outcome of a successful send: the confirmation page with a reference."""
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("enquiries:sent") + "?r=")
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert [t.name for t in confirmation.templates][0] == "enquiries/enquiry_sent.html"
    assert BeautifulSoup(confirmation.content, "html.parser").select_one(".reference").get_text()


# Bots -------------------------------------------------------------------------------------------


# Built when the test runs, so that "now" is the moment of sending.
BOT_TELLS = {
    "honeypot filled in": lambda: {"website": "https://cheap-pills.example/"},
    "sent as soon as it was opened": lambda: {"started": started_seconds_ago(0)},
    "start time missing": lambda: {"started": ""},
    "start time not signed": lambda: {"started": str(int(time.time()) - 60)},
    "start time signed for something else": lambda: {"started": signing.dumps(int(time.time()) - 60)},
    "start time not a number": lambda: {"started": signing.dumps("a minute ago", salt=STARTED_SALT)},
    "start time in the future": lambda: {"started": started_seconds_ago(-3600)},
}


@pytest.mark.parametrize("tell", BOT_TELLS.values(), ids=BOT_TELLS.keys())
def test_bot_gets_the_confirmation_a_person_gets_but_nothing_is_stored_or_sent(
    client, mailoutbox, django_capture_on_commit_callbacks, tell
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_enquiry(client, valid_form_data(**tell()))

    assert_looks_sent(client, response)
    assert not Enquiry.objects.exists()
    assert callbacks == []
    assert mailoutbox == []


def test_form_without_a_start_time_field_is_treated_as_a_bot(client):
    data = valid_form_data()
    del data["started"]

    assert_looks_sent(client, post_enquiry(client, data))
    assert not Enquiry.objects.exists()


def test_bot_that_reports_a_warning_sign_also_sees_the_emergency_card(client):
    """A person who trips the bot checks by mistake still gets the safety advice."""
    response = post_enquiry(client, valid_form_data(website="x", warning_sign="yes"))

    confirmation = client.get(response["Location"])
    assert "Call 999 or go to A&amp;E now" in confirmation.content.decode()


def test_bot_filling_the_honeypot_with_a_long_value_still_gets_the_confirmation(client):
    response = post_enquiry(client, valid_form_data(website="https://spam.example/" + "a" * 300))

    assert_looks_sent(client, response)
    assert not Enquiry.objects.exists()


def test_enquiry_sent_after_a_person_could_have_typed_it_is_kept(client):
    assert_looks_sent(client, post_enquiry(client, valid_form_data(started=started_seconds_ago(5))))
    assert Enquiry.objects.count() == 1


# Spam by content ----------------------------------------------------------------------------------


SPAMMY_MESSAGES = {
    "three links": "Great site! https://a.example http://b.example www.c.example",
    "forum link markup": "Nice [url=https://a.example]cheap[/url]",
    "html link": 'Visit <a href="https://a.example">here</a>',
}


@pytest.mark.parametrize("message", SPAMMY_MESSAGES.values(), ids=SPAMMY_MESSAGES.keys())
def test_spam_looking_message_is_kept_as_suspected_spam_and_not_sent_to_staff(
    client, mailoutbox, django_capture_on_commit_callbacks, message
):
    with django_capture_on_commit_callbacks(execute=True):
        ordinary = post_enquiry(client, valid_form_data(message="Can you help with my shoulder?"))
        spammy = post_enquiry(client, valid_form_data(message=message))

    assert_looks_sent(client, spammy)
    kept = Enquiry.objects.get(message=message)
    assert kept.suspected_spam is True
    assert kept.status == Enquiry.Status.NEW
    assert all(email.sent_at is None for email in outbox_of(kept).values())
    assert OutboxEmail.objects.held().filter(enquiry=kept).exists()
    # The ordinary enquiry beside it did reach the inbox, so the silence is the rule, not a fault.
    assert ordinary.status_code == 302
    subjects = [email.subject for email in mailoutbox]
    assert any(Enquiry.objects.get(suspected_spam=False).reference in subject for subject in subjects)
    assert not any(kept.reference in subject for subject in subjects)


@pytest.mark.parametrize(
    "message",
    [
        "I read https://www.nhs.uk/conditions/back-pain/ and have a question.",
        "Two links: http://a.example www.b",
    ],
)
def test_message_with_a_link_or_two_is_not_suspected_spam(client, message):
    post_enquiry(client, valid_form_data(message=message))

    assert Enquiry.objects.get().suspected_spam is False


# The rate limit ------------------------------------------------------------------------------------


@pytest.fixture
def five_per_ten_minutes(settings):
    settings.ENQUIRIES_RATE_LIMIT = "5/600"
    settings.ENQUIRIES_CLIENT_IP_HEADER = ""
    return settings


def test_sixth_enquiry_in_ten_minutes_is_paused_with_the_text_kept_and_the_phone_number(
    client, five_per_ten_minutes
):
    for _ in range(5):
        assert post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.9").status_code == 302
    data = valid_form_data(message="My hip has been sore since Tuesday.")

    response = post_enquiry(client, data, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 429
    page = BeautifulSoup(response.content, "html.parser")
    notice = page.select_one(".notice").get_text(" ", strip=True)
    assert "Your message has not been sent yet" in notice
    assert "please try again in 10 minutes" in notice
    assert response["Retry-After"] == "600"
    assert "020 8220 4254" in notice
    assert page.select_one("#enquiry-message").get_text().strip() == "My hip has been sore since Tuesday."
    assert page.select_one("#enquiry-name")["value"] == data["name"]
    assert page.select_one("input[name=token]")["value"] == data["token"]
    assert Enquiry.objects.count() == 5
    assert not Enquiry.objects.filter(submission_token=uuid.UUID(data["token"])).exists()


def test_the_pause_lasts_as_long_as_the_limits_window(client, settings):
    settings.ENQUIRIES_RATE_LIMIT = "1/60"
    settings.ENQUIRIES_CLIENT_IP_HEADER = ""
    post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.10")

    response = post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.10")

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "please try again in 1 minute," in response.content.decode()


def test_limit_is_per_client(client, five_per_ten_minutes):
    for _ in range(6):
        post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.9")

    response = post_enquiry(client, valid_form_data(), REMOTE_ADDR="198.51.100.20")

    assert response.status_code == 302
    assert Enquiry.objects.count() == 6


def test_limit_lifts_when_the_ten_minutes_are_over(client, five_per_ten_minutes):
    with time_machine.travel(time.time(), tick=False) as traveller:
        for _ in range(6):
            post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.9")
        traveller.shift(timedelta(minutes=10, seconds=1))

        response = post_enquiry(
            client, valid_form_data(started=started_seconds_ago(60)), REMOTE_ADDR="203.0.113.9"
        )

    assert response.status_code == 302
    assert Enquiry.objects.count() == 6


def test_forms_sent_back_with_mistakes_do_not_use_up_the_limit(client, five_per_ten_minutes):
    for _ in range(8):
        assert (
            post_enquiry(client, valid_form_data(email="wrong"), REMOTE_ADDR="203.0.113.9").status_code == 200
        )

    assert post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.9").status_code == 302


def test_forged_x_forwarded_for_does_not_reset_the_limit_behind_a_proxy(client, five_per_ten_minutes):
    five_per_ten_minutes.ENQUIRIES_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    five_per_ten_minutes.ENQUIRIES_TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        response = post_enquiry(
            client, valid_form_data(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7"
        )
        assert response.status_code == 302

    # The client rewrites the part of the header it controls; our proxy's entry stays the same.
    response = post_enquiry(
        client, valid_form_data(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="5.6.7.8, 198.51.100.7"
    )

    assert response.status_code == 429
    assert Enquiry.objects.count() == 5


def test_clients_behind_one_proxy_are_told_apart_by_the_address_the_proxy_saw(client, five_per_ten_minutes):
    five_per_ten_minutes.ENQUIRIES_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    five_per_ten_minutes.ENQUIRIES_TRUSTED_PROXY_COUNT = 1
    for _ in range(6):
        post_enquiry(client, valid_form_data(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")

    response = post_enquiry(
        client, valid_form_data(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )

    assert response.status_code == 302


def test_x_forwarded_for_is_ignored_when_no_proxy_header_is_configured(client, five_per_ten_minutes):
    for number in range(5):
        post_enquiry(
            client, valid_form_data(), REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"1.2.3.{number}"
        )

    limited = post_enquiry(
        client, valid_form_data(), REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="9.9.9.9"
    )
    # And a shared forged header does not lump different connections together.
    other = post_enquiry(
        client, valid_form_data(), REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="1.2.3.0"
    )

    assert limited.status_code == 429
    assert other.status_code == 302


def test_rate_limit_counts_in_the_cache_under_a_hashed_address(client, rf, five_per_ten_minutes):
    post_enquiry(client, valid_form_data(), REMOTE_ADDR="203.0.113.9")

    key = cache_key(rf.post(reverse("enquiries:submit"), REMOTE_ADDR="203.0.113.9"))
    assert cache.get(key) == 1
    assert "203.0.113.9" not in key
