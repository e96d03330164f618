"""
A whole conversation in two browsers: Reception replies to an enquiry from the
inbox, starting from a canned answer, by secure link; the patient opens the
link from the email, confirms the one-time code sent to the same address,
reads the reply and writes back; Reception sees the answer on the enquiry.
axe-core checks the Reply page's own sections and every page the patient sees.
"""

import re
from io import StringIO

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.core.management import call_command

from enquiries.models import Enquiry, Status
from tests.browser.staff import log_in
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

PATIENT_EMAIL = "ada.patient@example.com"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
REPLY_SECTIONS = {
    "include": [["section[aria-labelledby='thread-heading']"], ["section[aria-labelledby='compose-heading']"]]
}

INSPECT_SECTIONS = {
    "include": [
        ["section[aria-labelledby='thread-heading']"],
        ["section[aria-labelledby='same-person-heading']"],
    ]
}


def emails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reception_replies_by_secure_link_and_the_patient_answers(
    page, browser, live_server, axe_check, viewport
):
    make_user("reception", groups=["Reception"], first_name="Rita", last_name="Reception")
    call_command("load_demo_canned_answers", stdout=StringIO())
    enquiry = make_enquiry(
        name="Ada Patient", email=PATIENT_EMAIL, message="My shoulder aches after swimming. Can you help?"
    )
    mail.outbox.clear()

    # Reception: from the enquiry to the Reply page, a canned answer, then Send.
    log_in(page, live_server, viewport)
    page.goto(f"{live_server.url}/admin/enquiries/inspect/{enquiry.pk}/")
    page.get_by_role("link", name="Reply to the patient").click()
    page.get_by_label("Start from a canned answer").select_option(label="Offer an appointment")
    page.get_by_role("button", name="Use this answer").click()
    reply_box = page.get_by_label("Reply", exact=True)
    expect(reply_box).to_have_value(re.compile(r"^Dear Ada,\n\nThank you for getting in touch\."))
    expect(reply_box).to_have_value(re.compile(r"Rita Reception\n"))
    expect(page.get_by_label(re.compile("By secure link"))).to_be_checked()
    axe_check(page, REPLY_SECTIONS)
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text(f"Your reply to {enquiry.reference} is on its way")).to_be_visible()
    expect(page.get_by_text("By secure link.")).to_be_visible()

    [notice] = emails_to(PATIENT_EMAIL)
    assert "Thank you for getting in touch" not in notice.body
    link = re.search(r"http\S+/enquiries/replies/\S+/", notice.body)[0]
    path = link.split("/enquiries/", 1)[1]

    # The patient, in a browser of their own.
    patient_context = browser.new_context(viewport=viewport)
    patient = patient_context.new_page()
    try:
        patient.goto(f"{live_server.url}/enquiries/{path}")
        expect(patient.get_by_role("heading", level=1)).to_have_text("We have replied to your enquiry")
        expect(patient.get_by_text("Thank you for getting in touch")).to_have_count(0)
        axe_check(patient)
        patient.get_by_role("button", name="Email me a code").click()

        expect(patient.get_by_role("heading", level=1)).to_have_text("Check your email")
        [code_email] = [message for message in emails_to(PATIENT_EMAIL) if "code" in message.subject.lower()]
        code = re.search(r"\b(\d{6})\b", code_email.body)[1]
        axe_check(patient)
        patient.get_by_role("textbox").first.fill("000000" if code != "000000" else "111111")
        patient.get_by_role("button", name="Continue").click()
        expect(patient.get_by_role("alert")).to_contain_text("code")
        axe_check(patient)
        patient.get_by_role("textbox").first.fill(code)
        patient.get_by_role("button", name="Continue").click()

        expect(patient.get_by_role("heading", level=1)).to_have_text("Our reply to your enquiry")
        expect(patient.get_by_text("Thank you for getting in touch.")).to_be_visible()
        axe_check(patient)
        patient.locator("textarea").fill("Thank you. Could I come on Thursday afternoon?")
        patient.get_by_role("button", name="Send").click()
        expect(patient.get_by_role("heading", level=1)).to_have_text("Message sent")
        axe_check(patient)
    finally:
        patient_context.close()

    # Reception: the answer is on the enquiry, which is back in the inbox.
    page.reload()
    expect(page.get_by_text("Thank you. Could I come on Thursday afternoon?")).to_be_visible()
    expect(page.get_by_text("Read by the patient")).to_be_visible()
    axe_check(page, INSPECT_SECTIONS)
    assert Enquiry.objects.get(pk=enquiry.pk).status == Status.PATIENT_REPLIED
    page.goto(f"{live_server.url}/admin/enquiries/")
    # The admin's menu (folded away on a phone) counts it.
    menu_item = page.get_by_role("link", name=re.compile(r"Enquiries \(1 replied\)"), include_hidden=True)
    expect(menu_item).to_have_count(1)
    [alert] = [message for message in mail.outbox if "patient replied" in message.subject.lower()]
    assert "Thursday" not in alert.body
