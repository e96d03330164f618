"""
A patient writes to the clinic about a treatment, on a phone and on a desktop.

The form follows the GOV.UK patterns: an error summary that takes focus and links
to each field, nothing typed is lost, a confirmation with a reference, and the
whole journey works without JavaScript.
"""

import re

import pytest
from playwright.sync_api import expect

from django.core.cache import cache

from enquiries.models import Enquiry

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
REFERENCE = re.compile(r"CH-[0-9A-Z]{6}")
MESSAGE = "My lower back has ached for three weeks. Could acupuncture help?"


@pytest.fixture(autouse=True)
def patient_is_not_a_bot(settings):
    """
    A test fills the form faster than any person could, which the form takes for a
    bot (a fake success, nothing stored). The live server runs in this process, so
    the setting reaches it; clearing the cache resets the per-client rate limit.
    """
    settings.ENQUIRIES_MIN_SECONDS_TO_FILL = 0
    cache.clear()


def open_form(page, live_server, viewport=DESKTOP, query=""):
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/contact/{query}")


def question(page, legend):
    return page.get_by_role("group", name=legend)


def fill_enquiry(page, *, email="jo@example.com", warning_sign="No"):
    page.get_by_label("Your name").fill("Jo O'Brien")
    page.get_by_label("Email address").fill(email)
    question(page, "How would you like us to contact you?").get_by_label("Email").check()
    page.get_by_label("Your message").fill(MESSAGE)
    question(page, "Do any of these apply to you?").get_by_label(warning_sign).check()


def send(page):
    page.get_by_role("button", name="Send", exact=True).click()


def error_summary(page):
    return page.get_by_role("alert").filter(has=page.get_by_role("heading", name="There is a problem"))


def shown_reference(page):
    expect(page.get_by_role("heading", name="Message sent")).to_be_visible()
    return page.locator(".reference").inner_text()


@VIEWPORTS
def test_patient_asks_about_a_treatment_corrects_a_mistake_and_gets_a_reference(page, live_server, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/treatments/medical-acupuncture/")
    page.get_by_role("link", name="Ask about this treatment").first.click()

    assert page.url == live_server.url + "/contact/?treatment=medical-acupuncture"
    treatment = page.get_by_label("Which treatment are you asking about?")
    expect(treatment).to_have_value("medical-acupuncture")

    page.get_by_label("Your name").fill("Jo O'Brien")
    page.get_by_label("Email address").fill("jo@example")
    page.get_by_label("Your message").fill(MESSAGE)
    send(page)

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = error_summary(page)
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Enter an email address in the correct format, like name@example.com",
            "Select how you would like us to contact you",
            "Select yes if any of these apply to you",
        ]
    )
    summary.get_by_role("link", name="Enter an email address in the correct format").click()
    email = page.get_by_label("Email address")
    expect(email).to_be_focused()
    expect(email).to_have_value("jo@example")
    expect(page.get_by_label("Your name")).to_have_value("Jo O'Brien")
    expect(page.get_by_label("Your message")).to_have_value(MESSAGE)
    expect(page.get_by_label("Which treatment are you asking about?")).to_have_value("medical-acupuncture")

    email.fill("jo@example.com")
    question(page, "Do any of these apply to you?").get_by_label("No").check()
    question(page, "How would you like us to contact you?").get_by_label("Email").check()
    send(page)

    reference = shown_reference(page)
    assert REFERENCE.fullmatch(reference)
    page.reload()
    assert shown_reference(page) == reference
    enquiry = Enquiry.objects.get()
    assert (enquiry.reference, enquiry.email, enquiry.treatment.slug, enquiry.urgent) == (
        reference,
        "jo@example.com",
        "medical-acupuncture",
        False,
    )


def test_warning_sign_puts_emergency_care_above_the_reference(page, live_server):
    open_form(page, live_server, PHONE)
    fill_enquiry(page, warning_sign="Yes")
    send(page)

    emergency = page.get_by_role("region", name=re.compile("Call 999 or go to A&E now"))
    expect(emergency).to_be_visible()
    reference = page.locator(".reference")
    assert REFERENCE.fullmatch(reference.inner_text())
    assert emergency.bounding_box()["y"] < reference.bounding_box()["y"]
    assert Enquiry.objects.get().urgent


def test_confirmation_without_a_warning_sign_has_no_emergency_card(page, live_server):
    open_form(page, live_server)
    fill_enquiry(page)
    send(page)

    assert REFERENCE.fullmatch(shown_reference(page))
    expect(page.get_by_role("heading", name=re.compile("Call 999"))).to_have_count(0)


def test_character_count_follows_the_message(page, live_server):
    open_form(page, live_server)
    count = page.locator("#enquiry-message-info")
    expect(count).to_have_text("You have 2,000 characters remaining")

    page.get_by_label("Your message").press_sequentially("Hello")

    expect(count).to_have_text("You have 1,995 characters remaining")


def test_character_count_says_when_the_message_is_too_long(page, live_server):
    open_form(page, live_server)
    count = page.locator("#enquiry-message-info")
    message = page.get_by_label("Your message")

    message.fill("x" * 2001)
    expect(count).to_have_text("You have 1 character too many", timeout=2000)
    message.fill("x" * 2150)
    expect(count).to_have_text("You have 150 characters too many", timeout=2000)
    expect(message).to_have_value("x" * 2150)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_enquiry_can_be_sent_without_javascript(page, live_server):
    open_form(page, live_server, PHONE)
    expect(page.locator("#enquiry-message-info")).to_have_text("You can enter up to 2,000 characters")
    fill_enquiry(page)
    send(page)

    assert REFERENCE.fullmatch(shown_reference(page))
    assert Enquiry.objects.count() == 1


@VIEWPORTS
def test_enquiry_form_has_no_axe_violations(page, live_server, axe_check, viewport):
    open_form(page, live_server, viewport, query="?treatment=medical-acupuncture")

    axe_check(page)


@VIEWPORTS
def test_enquiry_errors_have_no_axe_violations(page, live_server, axe_check, viewport):
    open_form(page, live_server, viewport)
    send(page)  # empty: every required field, text and radios, shows its error
    expect(error_summary(page)).to_be_focused()

    axe_check(page)


@VIEWPORTS
@pytest.mark.parametrize("warning_sign", ["No", "Yes"], ids=["routine", "urgent"])
def test_enquiry_confirmation_has_no_axe_violations(page, live_server, axe_check, viewport, warning_sign):
    open_form(page, live_server, viewport)
    fill_enquiry(page, warning_sign=warning_sign)
    send(page)
    shown_reference(page)

    axe_check(page)


def test_honeypot_is_skipped_by_the_keyboard(page, live_server):
    open_form(page, live_server)
    page.get_by_label("Your name").focus()
    send_button = page.get_by_role("button", name="Send", exact=True)

    focused = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.name || document.activeElement.textContent"))
        if send_button.evaluate("button => button === document.activeElement"):
            break

    assert focused[-1] == "Send", focused
    assert "website" not in focused
