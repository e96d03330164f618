"""
Replying from the inbox: the Reply page, canned answers, the outbox's delivery,
the thread on the enquiry, colleagues warned of each other, the patient's other
enquiries, and who may do any of it.
"""

import logging
import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.models import EditingSession
from wagtail.models import ModelLogEntry

from enquiries import replies
from enquiries.models import CannedAnswer, EmailKind, Enquiry, OutboxEmail, Status, ThreadMessage
from tests.enquiries.admin.conftest import enquiry_url
from tests.enquiries.builders import (
    PATIENT_EMAIL,
    PATIENT_MESSAGE,
    PATIENT_NAME,
    PATIENT_PHONE,
    STAFF_INBOX,
    configure_clinic_inboxes,
    patient_words_in,
)
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
REFUSING = "tests.enquiries.builders.RefusingEmailBackend"
REPLY_TEXT = "We can see you on Tuesday at 10:00 about the knee."


@pytest.fixture
def enquiry(site):
    configure_clinic_inboxes(site)
    return make_enquiry(name=PATIENT_NAME, email=PATIENT_EMAIL, phone=PATIENT_PHONE, message=PATIENT_MESSAGE)


@pytest.fixture
def send(reception_client, django_capture_on_commit_callbacks):
    """Press Send reply (or another button) on the Reply page, running what waits for the commit."""

    def press(enquiry, client=reception_client, **fields):
        data = {"text": REPLY_TEXT, "delivery": "link", "mark_waiting": "on", "thread_seen": "0", "send": "1"}
        data.update(fields)
        data = {key: value for key, value in data.items() if value is not None}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(enquiry_url("reply", enquiry), data)

    return press


def reply_emails(mailoutbox):
    return [message for message in mailoutbox if message.to == [PATIENT_EMAIL]]


def test_reception_opens_the_reply_page_with_the_message_and_a_safe_default(reception_client, enquiry):
    """Opening it is recorded as a view of the enquiry, as the detail view is."""
    response = reception_client.get(enquiry_url("reply", enquiry))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Reply to {enquiry.reference}" in html
    assert PATIENT_MESSAGE in html
    assert re.search(r'<input type="radio" name="delivery" value="link"[^>]*checked', html)
    assert re.search(r'<input type="checkbox" name="mark_waiting"[^>]*checked', html)
    assert ModelLogEntry.objects.filter(action="enquiries.view", object_id=str(enquiry.pk)).count() == 1


def test_reply_by_link_is_queued_sent_recorded_and_moves_the_status(
    reception_client, reception, enquiry, send, mailoutbox
):
    response = send(enquiry)

    assert response.status_code == 302
    assert response["Location"] == enquiry_url("inspect", enquiry)
    message = ThreadMessage.objects.get(enquiry=enquiry)
    assert (message.direction, message.author, message.text, message.delivery) == (
        ThreadMessage.Direction.TO_PATIENT,
        reception,
        REPLY_TEXT,
        "link",
    )
    email = OutboxEmail.objects.get(message=message)
    assert email.kind == EmailKind.REPLY and email.sent_at is not None
    enquiry.refresh_from_db()
    assert enquiry.status == Status.WAITING
    assert enquiry.first_answered_at is not None

    [sent] = reply_emails(mailoutbox)
    assert enquiry.reference in sent.subject
    assert REPLY_TEXT not in sent.body
    assert "Tuesday" not in sent.body
    assert PATIENT_MESSAGE not in sent.body
    link = re.search(r"http\S+/enquiries/replies/\S+/", sent.body)[0]
    assert replies.message_for_token(link.rstrip("/").rsplit("/", 1)[1]) == message

    entry = ModelLogEntry.objects.get(action="enquiries.reply")
    assert entry.user == reception
    assert entry.data == {"message_id": message.pk, "delivery": "link", "status": ["new", "waiting"]}
    assert "Replied to the patient by secure link" in str(entry.message)


def test_reply_in_the_email_carries_its_text_and_a_link_to_write_back(enquiry, send, mailoutbox):
    send(enquiry, delivery="email")

    [sent] = reply_emails(mailoutbox)
    assert REPLY_TEXT in sent.body
    assert "/enquiries/replies/" in sent.body
    assert PATIENT_MESSAGE not in sent.body


def test_staff_may_keep_the_status_as_it_is(enquiry, send):
    Enquiry.objects.filter(pk=enquiry.pk).update(status=Status.IN_PROGRESS)

    send(enquiry, mark_waiting=None)

    enquiry.refresh_from_db()
    assert enquiry.status == Status.IN_PROGRESS
    assert ThreadMessage.objects.filter(enquiry=enquiry).count() == 1
    # Still, the patient has had an answer: the enquiry is no longer unanswered or overdue.
    assert enquiry.first_answered_at is not None
    assert not Enquiry.objects.unanswered().filter(pk=enquiry.pk).exists()


def test_reply_is_kept_and_retried_while_the_mail_server_is_down(enquiry, send, mailoutbox, settings, caplog):
    settings.EMAIL_BACKEND = REFUSING
    with caplog.at_level(logging.DEBUG):
        send(enquiry)

    email = OutboxEmail.objects.get(kind=EmailKind.REPLY)
    assert email.sent_at is None and email.attempts == 1 and email.next_attempt_at > timezone.now()
    assert ThreadMessage.objects.filter(enquiry=enquiry).exists()
    assert REPLY_TEXT not in caplog.text
    assert patient_words_in(caplog.text) == []

    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(email.next_attempt_at + timedelta(seconds=1), tick=False):
        call_command("send_enquiry_notifications", stdout=StringIO())
    email.refresh_from_db()
    assert email.sent_at is not None
    assert len(reply_emails(mailoutbox)) == 1


def test_the_enquiry_shows_the_thread_with_delivery_and_a_reply_button(reception_client, enquiry, send):
    send(enquiry)
    html = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    assert "Conversation with the patient" in html
    assert REPLY_TEXT in html
    assert "By secure link." in html
    assert "Email: Sent" in html
    assert "Not opened by the patient yet." in html
    assert enquiry_url("reply", enquiry) in html
    assert "Replied to the patient by secure link" in html  # the history


def test_the_patients_answer_shows_in_the_thread_and_the_menu(reception_client, enquiry, send, mailoutbox):
    send(enquiry)
    with_answer = replies.record_patient_answer(enquiry, "Tuesday suits me, thank you.")

    html = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()
    assert "Tuesday suits me, thank you." in html
    assert "Written on the reply page." in html
    assert "The patient wrote back" in html
    enquiry.refresh_from_db()
    assert enquiry.status == Status.PATIENT_REPLIED
    dashboard = reception_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Enquiries (1 replied)" in dashboard
    assert "<strong>1</strong> where the patient has replied" in dashboard
    listing = reception_client.get(reverse("enquiry_admin:list") + "?status=patient_replied").content.decode()
    assert enquiry.reference in listing
    assert with_answer.emails.get().kind == EmailKind.PATIENT_REPLY_ALERT


def test_staff_alert_about_a_patients_answer_carries_none_of_their_words(
    enquiry, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        replies.record_patient_answer(enquiry, "My knee clicks loudly on stairs, and Zebediah hurts.")

    [alert] = [message for message in mailoutbox if message.to == [STAFF_INBOX]]
    assert enquiry.reference in alert.subject
    assert patient_words_in(alert.subject + alert.body) == []
    assert "hurts" not in alert.body
    assert patient_words_in(caplog.text) == []
    assert "hurts" not in caplog.text
    entry = ModelLogEntry.objects.get(action="enquiries.patient_answer")
    assert "hurts" not in str(entry.data)


def test_empty_or_overlong_reply_is_refused_politely_keeping_the_text(reception_client, enquiry, send):
    empty = send(enquiry, text="   ")
    assert empty.status_code == 200
    assert "Write a reply, or start from a canned answer." in empty.content.decode()

    long_text = "x" * 5001
    too_long = send(enquiry, text=long_text)
    assert too_long.status_code == 200
    assert long_text in too_long.content.decode()
    assert not ThreadMessage.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"delivery": "carrier-pigeon"},
        {"thread_seen": "-1"},
        {"thread_seen": "nine"},
        {"text": "a\x00b"},
        {"canned_answer": "999999", "use_canned": "1", "send": None},
        {"canned_answer": "'; drop table", "use_canned": "1", "send": None},
        {"use_canned": "1", "send": None},
    ],
)
def test_hostile_input_on_the_reply_page_never_fails(enquiry, send, fields):
    response = send(enquiry, **fields)

    assert response.status_code in {200, 302}


def test_canned_answer_fills_placeholders_escaped_and_keeps_what_was_typed(reception_client, site, send):
    configure_clinic_inboxes(site)
    enquiry = make_enquiry(name="<script>alert(1)</script> Smith", email=PATIENT_EMAIL)
    answer = CannedAnswer.objects.create(
        title="Book in",
        text="Dear {first_name}, call {clinic_phone} about {reference}. {unknown} stays. {my_name}",
    )

    response = send(enquiry, canned_answer=str(answer.pk), use_canned="1", send=None, text="Typed first.")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "Typed first.\n\nDear &lt;script&gt;alert(1)&lt;/script&gt;, call 020 8220 4254 about " in html
    assert f"about {enquiry.reference}. {{unknown}} stays. Rita Reception</textarea>" in html
    assert not ThreadMessage.objects.exists()


def test_canned_answer_with_an_unknown_placeholder_is_refused(reception_client):
    response = reception_client.post(
        reverse("canned_answers:add"), {"title": "Oops", "text": "Hello {frist_name}, see {reference}."}
    )

    assert response.status_code == 200
    assert "These placeholders are not known: {frist_name}" in response.content.decode()
    assert not CannedAnswer.objects.exists()


def test_reception_keeps_canned_answers(reception_client):
    response = reception_client.post(
        reverse("canned_answers:add"), {"title": "Thanks", "text": "Thank you, {first_name}."}
    )

    assert response.status_code == 302
    assert CannedAnswer.objects.get().title == "Thanks"
    assert reception_client.get(reverse("canned_answers:list")).status_code == 200


def test_a_colleagues_reply_sent_meanwhile_stops_the_second_one(
    enquiry, reception_client, send, client, mailoutbox
):
    colleague = make_user("colin", groups=["Reception"], first_name="Colin", last_name="Colleague")
    colleague_client = type(client)()
    colleague_client.force_login(colleague)
    # Both open the Reply page while the thread is empty; Colin sends first.
    send(enquiry, client=colleague_client, text="Colin's answer.")

    second = send(enquiry, text="Rita's answer.", thread_seen="0")

    assert second.status_code == 200
    html = second.content.decode()
    assert "Colin Colleague sent a reply at" in html
    assert "Rita&#x27;s answer." in html
    assert ThreadMessage.objects.count() == 1
    assert len(reply_emails(mailoutbox)) == 1

    latest = str(ThreadMessage.objects.get().pk)
    assert re.search(rf'name="thread_seen" value="{latest}"', html)
    send(enquiry, text="Rita's answer.", thread_seen=latest)
    assert ThreadMessage.objects.count() == 2


def test_colleagues_on_the_same_enquiry_see_each_other(enquiry, reception_client, client):
    colleague = make_user("colin", groups=["Reception"], first_name="Colin", last_name="Colleague")
    colleague_client = type(client)()
    colleague_client.force_login(colleague)

    colleague_client.get(enquiry_url("inspect", enquiry))
    html = reception_client.get(enquiry_url("reply", enquiry)).content.decode()

    assert "Also looking at this enquiry:" in html
    assert "Colin Colleague" in html
    assert 'class="w-editing-sessions"' in html  # Wagtail's editing sessions keep it live
    assert EditingSession.objects.filter(object_id=str(enquiry.pk)).count() == 2
    alone = make_enquiry(email="other@example.com")
    assert (
        "Also looking at this enquiry:"
        not in reception_client.get(enquiry_url("inspect", alone)).content.decode()
    )


def test_spam_gets_no_reply(reception_client, enquiry, send):
    Enquiry.objects.filter(pk=enquiry.pk).update(status=Status.SPAM)

    response = send(enquiry)

    assert response.status_code == 302
    assert response["Location"] == enquiry_url("inspect", enquiry)
    assert not ThreadMessage.objects.exists()
    assert (
        enquiry_url("reply", enquiry)
        not in reception_client.get(enquiry_url("inspect", enquiry)).content.decode()
    )


def test_the_enquiry_lists_the_persons_other_enquiries(reception_client, enquiry):
    by_email = make_enquiry(email=PATIENT_EMAIL.upper(), message="Earlier question.")
    by_phone = make_enquiry(email="partner@example.com", phone=PATIENT_PHONE)
    stranger = make_enquiry(email="stranger@example.com")

    html = reception_client.get(enquiry_url("inspect", enquiry)).content.decode()

    section = html.split("Other enquiries from this person", 1)[1].split("Internal notes", 1)[0]
    assert by_email.reference in section
    assert by_phone.reference in section
    assert enquiry_url("inspect", by_email) in section
    assert stranger.reference not in section
    assert enquiry.reference not in section


def test_editors_and_others_are_refused_every_reply_address(enquiry, client):
    answer = CannedAnswer.objects.create(title="Hello", text="Hello.")
    urls = [
        enquiry_url("reply", enquiry),
        reverse("canned_answers:list"),
        reverse("canned_answers:add"),
        reverse("canned_answers:edit", args=[answer.pk]),
        reverse("canned_answers:delete", args=[answer.pk]),
    ]
    for groups in (["Editors"], ["Moderators"], []):
        client.force_login(make_user(f"outsider-{len(groups)}-{groups[:1]}", groups=groups))
        for url in urls:
            for method in (client.get, client.post):
                response = method(url, {"text": "x", "title": "x", "send": "1"})
                assert response.status_code in {302, 403}, (groups, url)
                assert PATIENT_NAME not in response.content.decode()
    assert not ThreadMessage.objects.exists()
    assert CannedAnswer.objects.get().text == "Hello."


def test_reception_without_the_reply_permission_sees_no_reply_button(enquiry, client):
    viewer = make_user("viewer", groups=[])
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_enquiry", "change_enquiry"])
    )
    client.force_login(viewer)

    assert enquiry_url("reply", enquiry) not in client.get(enquiry_url("inspect", enquiry)).content.decode()
    assert client.get(enquiry_url("reply", enquiry)).status_code == 403


def test_staff_who_may_reply_but_not_triage_leave_the_status_alone(enquiry, client, send):
    replier = make_user("replier", groups=[])
    replier.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_enquiry", "reply_enquiry"])
    )
    client.force_login(replier)
    assert 'name="mark_waiting"' not in client.get(enquiry_url("reply", enquiry)).content.decode()

    send(enquiry, client=client)

    enquiry.refresh_from_db()
    assert enquiry.status == Status.NEW
    assert ThreadMessage.objects.filter(enquiry=enquiry).count() == 1
