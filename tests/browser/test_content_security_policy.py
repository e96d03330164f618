"""
The Content-Security-Policy holds in a real browser: public pages break none of
it, and the Wagtail admin works under its own policy, step by step, with
Chromium reporting every violation it sees.
"""

import re

import pytest
from playwright.sync_api import expect

from django.core import signing
from django.urls import reverse

from enquiries.views import CONFIRMATION_SALT
from pages.models import TreatmentPage
from tests.factories import make_user

PASSWORD = "a-long-test-password"

# Installed before any page script runs; violations are collected for the test to read.
COLLECT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = event.sourceFile || event.documentURI;
    window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI} in ${where}`);
});
"""


@pytest.fixture
def watched(page):
    page.add_init_script(COLLECT_VIOLATIONS)
    return page


def violations(page):
    return page.evaluate("window.cspViolations")


PUBLIC_PAGES = ["/", "/treatments/", "/treatments/osteopathy/", "/about/", "/your-visit/", "/contact/"]


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/no-such-page/"])
def test_public_pages_break_none_of_the_policy(watched, live_server, path):
    watched.goto(live_server.url + path)
    watched.wait_for_load_state("load")

    assert violations(watched) == []


def test_enquiry_form_with_its_script_breaks_none_of_the_policy(watched, live_server):
    watched.goto(live_server.url + "/contact/")
    watched.get_by_role("button", name="Send").click()  # empty: the error summary, focused by the script
    expect(watched.locator("[data-error-summary]")).to_be_focused()
    watched.get_by_label("Your message").fill("My shoulder is stiff.")
    expect(watched.locator("#enquiry-message-info")).to_contain_text("characters remaining")

    assert violations(watched) == []


def test_the_admin_works_under_its_policy(watched, live_server):
    make_user("admin", is_superuser=True)
    watched.goto(live_server.url + "/admin/login/")
    watched.get_by_label("Username").fill("admin")
    watched.get_by_label("Password").fill(PASSWORD)
    watched.get_by_role("button", name="Sign in").click()
    watched.wait_for_url(live_server.url + "/admin/")
    assert violations(watched) == [], "dashboard"

    treatment = TreatmentPage.objects.get(slug="osteopathy")
    watched.goto(live_server.url + f"/admin/pages/{treatment.pk}/edit/")
    watched.wait_for_load_state("load")

    # Add a StreamField block, and choose its image from the image library.
    watched.get_by_role("button", name="Insert a block").first.click()
    watched.get_by_role("option", name="Image").click()
    watched.get_by_role("button", name="Choose an image").first.click()
    watched.locator(".modal a[data-chooser-modal-choice]").first.click()
    expect(watched.locator(".modal")).to_be_hidden()
    image_block = watched.locator("[data-contentpath='body'] [data-streamfield-child]").first
    expect(image_block.locator(".chooser__title")).not_to_be_empty()
    image_block.get_by_label("Alternative text").fill("A calm treatment room")

    # The scheduling date picker opens.
    watched.get_by_role("button", name="Toggle status").click()
    watched.get_by_role("button", name="Set schedule").click()
    watched.locator("#id_go_live_at").click()
    expect(watched.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    dialog = watched.locator("#schedule-publishing-dialog")
    while dialog.is_visible():
        watched.keyboard.press("Escape")  # the picker first, then the dialog
    expect(dialog).to_be_hidden()

    # The preview shows the page as edited.
    watched.get_by_role("button", name="Toggle preview").click()
    preview = watched.frame_locator("#w-preview-iframe")
    # The first preview makes the chosen image's renditions (three of them AVIF,
    # slow to encode): seconds on a busy machine, hence the longer wait.
    expect(preview.get_by_role("heading", level=1)).to_have_text("Osteopathy", timeout=30_000)
    expect(preview.locator("img[alt='A calm treatment room']")).to_have_count(1)

    assert violations(watched) == []


def test_confirmation_page_breaks_none_of_the_policy(watched, live_server):
    token = signing.dumps({"reference": "CH-ABC123", "urgent": True}, salt=CONFIRMATION_SALT)
    watched.goto(f"{live_server.url}{reverse('enquiries:sent')}?r={token}")
    expect(watched.get_by_role("heading", level=1)).to_contain_text("Call 999")

    assert violations(watched) == []


def test_an_editors_userbar_and_its_checks_work_within_the_public_policy(watched, live_server):
    make_user("editor", groups=["Editors"])
    watched.goto(live_server.url + "/admin/login/")
    watched.get_by_label("Username").fill("editor")
    watched.get_by_label("Password").fill(PASSWORD)
    watched.get_by_role("button", name="Sign in").click()
    watched.wait_for_url(live_server.url + "/admin/")

    watched.goto(live_server.url + "/treatments/osteopathy/")
    watched.get_by_role("button", name="View Wagtail quick actions").click()
    watched.get_by_role("menuitem", name=re.compile("Checks")).click()
    expect(watched.get_by_text("Issues found").first).to_be_visible()

    assert violations(watched) == []
