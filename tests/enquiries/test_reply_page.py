"""
The patient's side of a reply: the link in the email, the one-time code that
proves they read the enquiry's mailbox, the conversation, and writing back.

A link that does not work gives away nothing, whichever way it fails; until the
code is typed the page shows nothing of the enquiry; and no log line, cache or
staff email ever holds what the patient wrote, their address or a code.
"""

import itertools
import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from enquiries import replies
from enquiries.forms import NULL_CHARACTERS
from enquiries.models import (
    AccessCode,
    EmailKind,
    EnquiryNote,
    MessageDirection,
    OutboxEmail,
    Status,
    ThreadMessage,
)
from enquiries.reply_views import NO_CODE, WRONG_CODE
from tests.enquiries.builders import (
    PATIENT_EMAIL,
    PATIENT_MESSAGE,
    PATIENT_NAME,
    REFERENCE,
    REPLY_TARGET,
    STAFF_INBOX,
    configure_clinic_inboxes,
    patient_words_in,
)
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user
from tests.outages import database_refusing_connections

REPLY_TEXT = "Thank you for writing. Osteopathy can help with a stiff lower back."
ANSWER = "The stiffness is worst first thing in the morning, before my shower."
NOTE = "Colleagues only: prefers Dr Patel, call after 5pm."
CLINIC_PHONE = "020 8220 4254"  # the default ClinicSettings phone and the fallback contact
REFUSING = "tests.enquiries.builders.RefusingEmailBackend"
CLINIC_ONLY = "tests.enquiries.builders.ClinicOnlyEmailBackend"


# Setting the scene ------------------------------------------------------------------------


@pytest.fixture
def enquiry(clinic_pages, site):
    configure_clinic_inboxes(site)
    return make_enquiry(name=PATIENT_NAME, email=PATIENT_EMAIL, message=PATIENT_MESSAGE)


_usernames = (f"osteopath{number}" for number in itertools.count())


@pytest.fixture
def send_reply(django_capture_on_commit_callbacks, mailoutbox):
    """
    Staff reply by secure link, and the email goes as it would after the commit;
    returns the path of the link in the email (the outbox is left empty).
    """

    def send(enquiry, text=REPLY_TEXT):
        author = make_user(next(_usernames), first_name="Anya", last_name="Patel")
        with django_capture_on_commit_callbacks(execute=True):
            replies.send_reply(enquiry, author=author, text=text, delivery="link")
        (email,) = mailoutbox
        assert email.to == [enquiry.email]
        assert text not in email.body
        mailoutbox.clear()
        return urlsplit(re.search(r"https?://\S+/enquiries/replies/\S+/", email.body)[0]).path

    return send


@pytest.fixture
def link(enquiry, send_reply):
    return send_reply(enquiry)


def token_of(link):
    return link.rstrip("/").rsplit("/", 1)[1]


def step(name, link):
    return reverse(f"enquiries:{name}", args=[token_of(link)])


def code_from(mailoutbox):
    (email,) = mailoutbox
    mailoutbox.clear()
    return re.search(r"code is ([0-9]{6})", email.body)[1]


def wrong(code):
    """A code of the right shape that is not ``code``."""
    return "000000" if code != "000000" else "111111"


def ask_for_code(client, link):
    return client.post(step("reply_send_code", link))


def type_code(client, link, code):
    return client.post(step("reply_code", link), {"code": code})


def open_conversation(client, link, mailoutbox):
    """Ask for a code and type it, as the patient does; returns the code."""
    assert ask_for_code(client, link).status_code == 302
    code = code_from(mailoutbox)
    response = type_code(client, link, code)
    assert response.status_code == 302
    assert response["Location"] == link
    return code


def page_of(response):
    return BeautifulSoup(response.content, "html.parser")


def text_of(response):
    return page_of(response).get_text(" ", strip=True)


def error_beside(response, field_id):
    error = page_of(response).select_one(f"#{field_id}_error")
    assert error is not None, f"no error shown beside {field_id}"
    return error.get_text(" ", strip=True).removeprefix("Error:").strip()


# The link, before the code ----------------------------------------------------------------


def test_a_reply_link_asks_for_a_code_and_shows_nothing_of_the_enquiry(client, enquiry, link):
    response = client.get(link)

    assert response.status_code == 200
    page = page_of(response)
    assert page.h1.get_text(strip=True) == "We have replied to your enquiry"
    form = page.select_one(f"form[action='{step('reply_send_code', link)}']")
    assert form["method"] == "post"
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert form.button.get_text(strip=True) == "Email me a code"
    content = response.content.decode()
    assert REPLY_TEXT not in content
    assert not REFERENCE.search(content)
    # Not the name or the address, not even masked.
    assert patient_words_in(content) == []
    assert "@patient" not in content
    assert CLINIC_PHONE in text_of(response)


def test_the_code_goes_to_the_enquirys_address_alone_and_into_no_log(
    client, enquiry, link, mailoutbox, caplog
):
    with caplog.at_level(logging.DEBUG):
        response = ask_for_code(client, link)
        code = re.search(r"code is ([0-9]{6})", mailoutbox[0].body)[1]
        type_code(client, link, wrong(code))
        type_code(client, link, code)

    assert response.status_code == 302
    assert response["Location"] == step("reply_code", link)
    (email,) = mailoutbox
    assert email.to == [PATIENT_EMAIL]
    assert email.cc == [] and email.bcc == []
    assert code in email.subject
    assert code not in caplog.text
    assert patient_words_in(caplog.text) == []
    # Only a keyed hash of the code is stored.
    assert AccessCode.objects.get(enquiry=enquiry).code_hash != code


def test_the_code_page_asks_for_the_code_accessibly(client, link):
    ask_for_code(client, link)
    page = page_of(client.get(step("reply_code", link)))

    assert len(page.select("h1")) == 1
    field = page.select_one("#access-code")
    assert page.select_one("label[for=access-code]").get_text(strip=True) == "Code"
    assert field["inputmode"] == "numeric"
    assert field["autocomplete"] == "one-time-code"
    assert "access-code_helptext" in field["aria-describedby"].split()
    assert page.select_one("form[action$='/code/'] input[name=csrfmiddlewaretoken]")


def test_the_right_code_opens_the_conversation(client, enquiry, link, mailoutbox):
    open_conversation(client, link, mailoutbox)
    response = client.get(link)

    assert response.status_code == 200
    assert "Our reply to your enquiry" in text_of(response)
    assert REPLY_TEXT in text_of(response)
    assert "Anya Patel replied" in text_of(response)
    assert enquiry.reference in text_of(response)


def test_a_wrong_code_is_refused_and_the_form_kept(client, link, mailoutbox):
    ask_for_code(client, link)
    code = code_from(mailoutbox)

    response = type_code(client, link, wrong(code))

    assert response.status_code == 200
    assert error_beside(response, "access-code") == WRONG_CODE
    page = page_of(response)
    assert page.select_one(".error-summary a[href='#access-code']").get_text(strip=True) == WRONG_CODE
    assert page.title.get_text().startswith("Error: ")
    field = page.select_one("#access-code")
    assert field["aria-invalid"] == "true"
    assert "access-code_error" in field["aria-describedby"].split()
    assert REPLY_TEXT not in response.content.decode()
    # The right code still works after a wrong one.
    assert type_code(client, link, code)["Location"] == link


def test_a_code_works_only_once(client, link, mailoutbox):
    code = open_conversation(client, link, mailoutbox)

    someone_else = Client()
    response = type_code(someone_else, link, code)

    assert response.status_code == 200
    assert error_beside(response, "access-code") == NO_CODE
    assert REPLY_TEXT not in someone_else.get(link).content.decode()


def test_an_expired_code_is_refused_with_a_button_for_a_new_one(client, enquiry, link, mailoutbox):
    ask_for_code(client, link)
    code = code_from(mailoutbox)
    AccessCode.objects.filter(enquiry=enquiry).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = type_code(client, link, code)

    assert error_beside(response, "access-code") == NO_CODE
    new_code = page_of(response).select_one(f"form[action='{step('reply_send_code', link)}'] button")
    assert new_code.get_text(strip=True) == "Email me a new code"


def test_a_code_stops_working_after_too_many_wrong_tries(client, link, mailoutbox):
    ask_for_code(client, link)
    code = code_from(mailoutbox)
    for _ in range(replies.CODE_MAX_FAILED_ATTEMPTS):
        assert error_beside(type_code(client, link, wrong(code)), "access-code") == WRONG_CODE

    assert error_beside(type_code(client, link, code), "access-code") == NO_CODE


def test_only_the_newest_code_works(client, link, mailoutbox):
    ask_for_code(client, link)
    first = code_from(mailoutbox)
    ask_for_code(client, link)
    second = code_from(mailoutbox)

    if first != second:
        assert error_beside(type_code(client, link, first), "access-code") == WRONG_CODE
    assert type_code(client, link, second)["Location"] == link


def test_too_many_codes_get_a_polite_refusal(client, link, mailoutbox, caplog):
    for _ in range(replies.CODES_PER_HOUR):
        assert ask_for_code(client, link).status_code == 302
    mailoutbox.clear()

    with caplog.at_level(logging.INFO):
        response = ask_for_code(client, link)

    assert response.status_code == 429
    assert mailoutbox == []
    text = text_of(response)
    assert "We cannot send another code just now" in text
    assert "try again in an hour" in text
    assert CLINIC_PHONE in text
    assert not page_of(response).select(f"form[action='{step('reply_send_code', link)}']")
    assert patient_words_in(caplog.text) == []


@pytest.mark.parametrize("backend", [REFUSING, CLINIC_ONLY])
def test_a_mail_server_that_is_down_gets_a_calm_page(client, enquiry, link, settings, caplog, backend):
    settings.EMAIL_BACKEND = backend

    with caplog.at_level(logging.INFO):
        response = ask_for_code(client, link)

    assert response.status_code == 503
    text = text_of(response)
    assert "We could not send the code just now" in text
    assert CLINIC_PHONE in text
    assert "Traceback" not in response.content.decode()
    # The log has the reference and the error's class, never the address (which a refusal repeats).
    assert enquiry.reference in caplog.text
    assert ("ConnectionRefusedError" if backend == REFUSING else "SMTPRecipientsRefused") in caplog.text
    assert patient_words_in(caplog.text) == []
    # A code nobody received does not count towards the hour's limit.
    assert not AccessCode.objects.filter(enquiry=enquiry).exists()


# Links that do not work -------------------------------------------------------------------


def not_working(client, token):
    response = client.get(reverse("enquiries:reply", args=[token]))
    return response.status_code, response.content


def test_an_expired_link_says_only_that_it_does_not_work(client, enquiry, send_reply):
    send_reply(enquiry)
    message = ThreadMessage.objects.get(enquiry=enquiry)
    with time_machine.travel(timezone.now() - timedelta(days=15)):
        old_token = replies.link_token(message)

    response = client.get(reverse("enquiries:reply", args=[old_token]))

    assert response.status_code == 404
    assert response.context is None or "enquiry" not in response.context
    text = text_of(response)
    assert "This link does not work" in text
    assert CLINIC_PHONE in text
    assert not REFERENCE.search(response.content.decode())
    assert patient_words_in(response.content.decode()) == []
    assert "no-store" in response["Cache-Control"]


def test_every_link_that_does_not_work_gets_the_very_same_page(client, enquiry, send_reply):
    send_reply(enquiry)
    message = ThreadMessage.objects.get(enquiry=enquiry)
    good = replies.link_token(message)
    with time_machine.travel(timezone.now() - timedelta(days=15)):
        expired = replies.link_token(message)
    payload, stamp, signature = good.split(":")
    other_payload = signing.b64_encode(str(message.pk + 1).encode()).decode()
    patient_answer = replies.record_patient_answer(enquiry, ANSWER)

    failures = {
        "tampered signature": f"{payload}:{stamp}:{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}",
        "tampered message id": f"{other_payload}:{stamp}:{signature}",
        "guessed": "MTIz:1vabcd:0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
        "a number": str(message.pk),
        "signed for something else": signing.dumps(message.pk, salt="enquiries.sent"),
        "the patient's own message": signing.dumps(patient_answer.pk, salt=replies.LINK_SALT),
        "no such message": signing.dumps(message.pk + 1000, salt=replies.LINK_SALT),
    }
    expected = not_working(client, expired)
    assert expected[0] == 404
    for case, token in failures.items():
        assert not_working(client, token) == expected, case

    enquiry.delete()
    assert not_working(client, good) == expected, "enquiry erased"


@pytest.mark.parametrize(
    "token",
    ["%00", "a" * 2000, "..", "%E2%80%AE", "é:ü:ß", "<script>alert(1)</script>", "1:2:3:4:5", "%C0%AF"],
)
def test_hostile_tokens_get_the_page_for_a_link_that_does_not_work(client, enquiry, token):
    response = client.get(f"/enquiries/replies/{token}/")

    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize("name", ["reply_send_code", "reply_code", "reply_answer"])
def test_the_later_steps_of_a_dead_link_get_the_same_page(client, enquiry, link, name):
    expected = not_working(client, "dead")

    response = client.post(reverse(f"enquiries:{name}", args=["dead"]), {"code": "123456", "message": "Hi"})

    assert (response.status_code, response.content) == expected
    assert not AccessCode.objects.exists()


# The conversation -------------------------------------------------------------------------


def test_the_conversation_shows_replies_and_answers_but_never_notes(
    client, enquiry, link, send_reply, mailoutbox
):
    EnquiryNote.objects.create(enquiry=enquiry, text=NOTE)
    replies.record_patient_answer(enquiry, ANSWER)
    send_reply(enquiry, text="We have an appointment on Tuesday at 10am.")
    open_conversation(client, link, mailoutbox)

    text = text_of(client.get(link))

    assert text.index(REPLY_TEXT) < text.index(ANSWER) < text.index("Tuesday at 10am")
    assert "You wrote" in text
    assert NOTE not in text
    assert "Colleagues only" not in text


def test_reading_the_conversation_stamps_the_replies_read(client, enquiry, link, mailoutbox):
    reply = ThreadMessage.objects.get(enquiry=enquiry)
    client.get(link)
    reply.refresh_from_db()
    assert reply.read_at is None  # the page before the code shows nothing

    open_conversation(client, link, mailoutbox)
    client.get(link)

    reply.refresh_from_db()
    assert reply.read_at is not None


def test_the_patients_answer_joins_the_thread_and_alerts_staff_without_their_words(
    client, enquiry, link, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    open_conversation(client, link, mailoutbox)

    with django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.DEBUG):
        response = client.post(step("reply_answer", link), {"message": ANSWER})

    assert response.status_code == 302
    assert response["Location"] == step("reply_sent", link)
    answer = ThreadMessage.objects.get(enquiry=enquiry, direction=MessageDirection.FROM_PATIENT)
    assert answer.text == ANSWER
    enquiry.refresh_from_db()
    assert enquiry.status == Status.PATIENT_REPLIED
    assert OutboxEmail.objects.get(message=answer).kind == EmailKind.PATIENT_REPLY_ALERT
    (alert,) = mailoutbox
    assert alert.to == [STAFF_INBOX]
    assert enquiry.reference in alert.subject
    for words in (ANSWER, "stiffness", "morning"):
        assert words not in alert.subject + alert.body
    assert patient_words_in(alert.subject + alert.body) == []
    assert ANSWER not in caplog.text
    assert patient_words_in(caplog.text) == []

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert f"Your message has been sent. We will reply {REPLY_TARGET}" in text_of(confirmation)
    assert ANSWER in text_of(client.get(link))


def test_an_answer_sent_twice_is_stored_once(client, enquiry, link, mailoutbox):
    open_conversation(client, link, mailoutbox)

    first = client.post(step("reply_answer", link), {"message": ANSWER})
    again = client.post(step("reply_answer", link), {"message": ANSWER})

    assert first.status_code == again.status_code == 302
    assert ThreadMessage.objects.filter(direction=MessageDirection.FROM_PATIENT).count() == 1
    client.post(step("reply_answer", link), {"message": "And one more thing."})
    assert ThreadMessage.objects.filter(direction=MessageDirection.FROM_PATIENT).count() == 2


def test_the_answer_is_stored_with_line_breaks_as_typed(client, enquiry, link, mailoutbox):
    open_conversation(client, link, mailoutbox)

    client.post(step("reply_answer", link), {"message": "First line\r\nSecond line"})

    assert ThreadMessage.objects.get(enquiry=enquiry, direction=MessageDirection.FROM_PATIENT).text == (
        "First line\nSecond line"
    )


def test_an_answer_without_the_code_is_refused_and_shown_back(client, enquiry, link):
    response = client.post(step("reply_answer", link), {"message": ANSWER})

    assert response.status_code == 403
    assert not ThreadMessage.objects.filter(direction=MessageDirection.FROM_PATIENT).exists()
    assert not OutboxEmail.objects.filter(kind=EmailKind.PATIENT_REPLY_ALERT).exists()
    text = text_of(response)
    assert "Your message has not been sent" in text
    assert ANSWER in text  # their own words, to copy
    assert REPLY_TEXT not in text
    assert page_of(response).select_one(f"form[action='{step('reply_send_code', link)}']")


def test_access_ends_after_its_time(client, enquiry, link, mailoutbox, settings):
    open_conversation(client, link, mailoutbox)

    with time_machine.travel(timezone.now() + timedelta(minutes=settings.ENQUIRIES_REPLY_ACCESS_MINUTES + 1)):
        response = client.get(link)

    assert REPLY_TEXT not in response.content.decode()
    assert "Email me a code" in text_of(response)


def test_the_confirmation_needs_the_code_too(client, link):
    response = client.get(step("reply_sent", link))

    assert response.status_code == 302
    assert response["Location"] == link


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("", "Enter your message"),
        ("   \r\n  ", "Enter your message"),
        ("a" * 5001, "Message must be 5,000 characters or fewer"),
        ("My back\x00hurts", NULL_CHARACTERS),
    ],
)
def test_answer_errors_keep_what_was_typed(client, enquiry, link, mailoutbox, typed, error):
    open_conversation(client, link, mailoutbox)

    response = client.post(step("reply_answer", link), {"message": typed})

    assert response.status_code == 200
    assert error_beside(response, "reply-message") == error
    page = page_of(response)
    assert page.select_one(".error-summary a[href='#reply-message']").get_text(strip=True) == error
    if typed.strip() and "\x00" not in typed:
        assert page.select_one("#reply-message").get_text().lstrip("\n") == typed
    assert not ThreadMessage.objects.filter(direction=MessageDirection.FROM_PATIENT).exists()
    assert REPLY_TEXT in page.get_text()


def test_an_answer_of_5000_characters_is_accepted(client, enquiry, link, mailoutbox):
    open_conversation(client, link, mailoutbox)

    response = client.post(step("reply_answer", link), {"message": "é" * 5000})

    assert response.status_code == 302
    assert ThreadMessage.objects.get(direction=MessageDirection.FROM_PATIENT).text == "é" * 5000


def test_the_write_back_form_is_labelled_with_the_emergency_advice_beside_it(client, link, mailoutbox):
    open_conversation(client, link, mailoutbox)
    page = page_of(client.get(link))

    assert len(page.select("h1")) == 1
    form = page.select_one(f"form[action='{step('reply_answer', link)}']")
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert page.select_one("label[for=reply-message]").get_text(strip=True) == "Your message"
    assert "reply-message_helptext" in page.select_one("textarea#reply-message")["aria-describedby"].split()
    assert "call 999 or go to A&E" in page.select_one(".warning-signs").get_text()


def test_the_reply_and_the_name_are_escaped(client, clinic_pages, site, send_reply, mailoutbox):
    configure_clinic_inboxes(site)
    enquiry = make_enquiry(name="<script>alert('name')</script>", email=PATIENT_EMAIL)
    link = send_reply(enquiry, text="<script>alert('reply')</script> <b>bold</b>")
    replies.record_patient_answer(enquiry, "<img src=x onerror=alert('answer')>")
    open_conversation(client, link, mailoutbox)

    content = client.get(link).content.decode()

    assert "<script>alert" not in content
    assert "<b>bold" not in content
    assert "<img src=x" not in content
    assert escape("<script>alert('name')</script>") in content
    assert escape("<script>alert('reply')</script>") in content


# What every page promises -----------------------------------------------------------------


def every_step(client, link, mailoutbox):
    """Each response behind a link, in the order the patient meets them."""
    yield "before the code", client.get(link)
    yield "code sent", ask_for_code(client, link)
    code = code_from(mailoutbox)
    yield "code page", client.get(step("reply_code", link))
    yield "wrong code", type_code(client, link, wrong(code))
    yield "right code", type_code(client, link, code)
    yield "conversation", client.get(link)
    yield "answer with an error", client.post(step("reply_answer", link), {"message": ""})
    yield "answer", client.post(step("reply_answer", link), {"message": ANSWER})
    yield "confirmation", client.get(step("reply_sent", link))
    yield "link that does not work", client.get(reverse("enquiries:reply", args=["dead"]))


def test_no_cache_keeps_any_reply_page_and_no_search_engine_lists_one(client, link, mailoutbox):
    for name, response in every_step(client, link, mailoutbox):
        assert "no-store" in response["Cache-Control"], name
        assert "private" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"], name
        assert response["X-Robots-Tag"] == "noindex", name
        assert "X-Cache" not in response, name
        if response.status_code != 302:
            assert '<meta name="robots" content="noindex">' in response.content.decode(), name
            assert len(page_of(response).select("h1")) == 1, name


def test_the_forms_are_protected_against_cross_site_requests(enquiry, link):
    browser = Client(enforce_csrf_checks=True)

    assert browser.post(step("reply_send_code", link)).status_code == 403
    assert browser.post(step("reply_code", link), {"code": "123456"}).status_code == 403
    refused = browser.post(step("reply_answer", link), {"message": ANSWER})
    assert refused.status_code == 403
    assert not AccessCode.objects.exists()
    # The answer's security cookie had expired: nothing sent, what was typed shown back to copy.
    assert "Your message has not been sent" in text_of(refused)
    assert ANSWER in text_of(refused)
    assert "no-store" in refused["Cache-Control"]
    assert not ThreadMessage.objects.filter(direction=MessageDirection.FROM_PATIENT).exists()


def test_each_page_stays_within_the_query_budget(client, link, mailoutbox, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(link)
    ask_for_code(client, link)
    code = code_from(mailoutbox)
    with django_assert_max_num_queries(8):
        client.get(step("reply_code", link))
    type_code(client, link, code)
    # The first read also stamps the reply as read, within the same budget.
    with django_assert_max_num_queries(8):
        client.get(link)
    with django_assert_max_num_queries(8):
        client.get(link)
    client.post(step("reply_answer", link), {"message": ANSWER})
    with django_assert_max_num_queries(8):
        client.get(link)
    with django_assert_max_num_queries(8):
        client.get(step("reply_sent", link))
    with django_assert_max_num_queries(8):
        client.get(reverse("enquiries:reply", args=["dead"]))


@pytest.mark.parametrize("name", ["reply_send_code", "reply_answer"])
def test_the_post_only_steps_refuse_a_get(client, link, name):
    assert client.get(step(name, link)).status_code == 405


# Hostile input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("", "Enter the code from the email"),
        ("      ", "Enter the code from the email"),
        ("abcdef", "The code must contain numbers only"),
        ("12345", "The code must be 6 numbers"),
        ("1" * 50, "The code must be 6 numbers"),
        ("١٢٣٤٥٦", "The code must contain numbers only"),  # Arabic-Indic digits
        ("１２３４５６", "The code must contain numbers only"),  # full-width digits
        ("123\x00456", NULL_CHARACTERS),
        ("<script>", "The code must contain numbers only"),
        ("12 34 56 78", "The code must be 6 numbers"),
    ],
)
def test_codes_no_one_could_have_been_sent_get_a_form_error(client, enquiry, link, typed, error):
    ask_for_code(client, link)

    response = type_code(client, link, typed)

    assert response.status_code == 200
    assert error_beside(response, "access-code") == error
    assert "<script>" not in page_of(response).select_one("#access-code").decode()
    # Not a try at the code: the patient's real code is not used up by a typing slip.
    assert AccessCode.objects.get(enquiry=enquiry).failed_attempts == 0


def test_a_code_typed_with_spaces_works(client, link, mailoutbox):
    ask_for_code(client, link)
    code = code_from(mailoutbox)

    assert type_code(client, link, f" {code[:3]} {code[3:]} ")["Location"] == link


def test_a_code_sent_as_several_values_or_none_is_a_form_error(client, link):
    ask_for_code(client, link)

    assert client.post(step("reply_code", link), {"code": ["1", "2"]}).status_code == 200
    assert client.post(step("reply_code", link), {}).status_code == 200
    not_utf8 = client.post(
        step("reply_code", link), "code=%FF%FE", content_type="application/x-www-form-urlencoded"
    )
    assert not_utf8.status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_database_down_gives_a_calm_page(transactional_db, client, caplog, method):
    token = signing.dumps(1, salt=replies.LINK_SALT)
    url = reverse("enquiries:reply" if method == "get" else "enquiries:reply_answer", args=[token])

    with database_refusing_connections(), caplog.at_level(logging.INFO):
        response = getattr(client, method)(url, {"message": ANSWER} if method == "post" else None)

    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]
    text = text_of(response)
    assert CLINIC_PHONE in text
    assert "Traceback" not in response.content.decode()
    assert (ANSWER in text) == (method == "post")  # what they typed, to copy
    assert ANSWER not in caplog.text
    assert "database is unavailable" in caplog.text
