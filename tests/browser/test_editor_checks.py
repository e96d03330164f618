"""
Editors see Wagtail's userbar on the site and the checks panel in the page
editor, and both really check the page: a planted problem is reported.
"""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Page

from pages.models import StandardPage
from tests.factories import add_page, make_user

PASSWORD = "a-long-test-password"


@pytest.fixture
def skipped_heading_level(live_demo_site):
    """A page whose first heading below its title is a level 3: level 2 is skipped."""
    return add_page(
        live_demo_site,
        StandardPage(
            title="Parking",
            slug="parking",
            body=[("heading", {"text": "Where to park", "level": "h3"}), ("text", "<p>On the road.</p>")],
        ),
    )


@pytest.fixture
def signed_in_editor(page, live_server):
    make_user("editor", groups=["Editors"])
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")
    return page


def open_checks_panel(page, live_server, page_id):
    page.goto(live_server.url + f"/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="Toggle checks").click()
    panel = page.locator("[data-side-panel='checks']")
    expect(panel.get_by_text("Words")).to_be_visible()
    return panel


def test_checks_panel_counts_the_words_and_reports_a_skipped_heading_level(
    signed_in_editor, live_server, skipped_heading_level
):
    panel = open_checks_panel(signed_in_editor, live_server, skipped_heading_level.pk)

    expect(panel).to_contain_text(re.compile(r"Words\s+7"))
    expect(panel).to_contain_text(re.compile(r"Issues found\s*1"))
    expect(panel).to_contain_text("Incorrect heading hierarchy")


@pytest.mark.parametrize("slug", ["medical-acupuncture", "sciatica", "anya-patel"])
def test_checks_panel_finds_nothing_wrong_with_a_demo_health_page(signed_in_editor, live_server, slug):
    demo_page = Page.objects.get(slug=slug)

    panel = open_checks_panel(signed_in_editor, live_server, demo_page.pk)

    expect(panel).to_contain_text(re.compile(r"Words\s+[1-9]\d+"))
    expect(panel).to_contain_text(re.compile(r"Issues found\s*0"))


def test_userbar_on_the_site_reports_the_same_problem(signed_in_editor, live_server, skipped_heading_level):
    signed_in_editor.goto(live_server.url + "/parking/")
    signed_in_editor.get_by_role("button", name="View Wagtail quick actions").click()

    checks = signed_in_editor.get_by_role("menuitem", name=re.compile("Checks"))
    expect(checks).to_contain_text(re.compile(r"Issues found\s*1"))
    checks.click()
    expect(signed_in_editor.get_by_text("Incorrect heading hierarchy")).to_be_visible()


def test_visitors_get_no_userbar(page, live_server):
    page.goto(live_server.url + "/treatments/")

    expect(page.locator("wagtail-userbar")).to_have_count(0)
