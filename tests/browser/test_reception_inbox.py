"""
Reception's morning in the Wagtail admin: the dashboard says what is waiting, the
inbox puts the urgent enquiry first, and one is triaged from opening to closing
with a note and an audit trail, through the edit form or the detail page's
triage buttons. axe-core checks the parts of the inbox that the project renders
itself (the dashboard panel, the urgent tags, the inspect page's warning, triage
buttons, notes and history, and the bulk-close confirmation); Wagtail's own
chrome is its business.
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from wagtail.models import ModelLogEntry

from enquiries.models import EmailKind, Enquiry, EnquiryNote, OutboxEmail, Outcome, Status
from tests.browser.staff import log_in
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
NARROWEST = {"width": 320, "height": 640}

PANEL = "#enquiries-section"
ACTIONS = "section[aria-labelledby='actions-heading']"
TRIAGE_AREA = {"include": [["p.enquiry-urgent"], [ACTIONS]]}
INSPECT_SECTIONS = {
    "include": [
        ["p.enquiry-urgent"],
        [".help-block.help-warning"],
        [ACTIONS],
        ["section[aria-labelledby='notes-heading']"],
        ["section[aria-labelledby='emails-heading']"],
        ["section[aria-labelledby='history-heading']"],
    ]
}


@pytest.fixture
def receptionist():
    return make_user("reception", groups=["Reception"])


@pytest.fixture
def inbox():
    """An old routine enquiry, a recent urgent one and a recent routine one; returns the urgent one."""
    now = timezone.now()
    make_enquiry(name="Olive Old", created_at=now - timedelta(days=10))
    urgent = make_enquiry(name="Uma Urgent", urgent=True, created_at=now - timedelta(hours=1))
    make_enquiry(name="Rae Recent", created_at=now - timedelta(minutes=30))
    return urgent


def open_admin(page, live_server, path):
    page.goto(live_server.url + path)
    page.wait_for_load_state("load")


def edit_triage(page, live_server, enquiry, choices):
    """Change the edit form's selects, labelled as on the form, and save."""
    open_admin(page, live_server, f"/admin/enquiries/edit/{enquiry.pk}/")
    for label, option in choices.items():
        page.get_by_role("combobox", name=label).select_option(label=option)
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text(enquiry.reference)


def test_reception_triages_the_urgent_enquiry_first(page, live_server, receptionist, inbox):
    urgent = inbox
    log_in(page, live_server)

    panel = page.locator(PANEL)
    expect(panel.get_by_role("heading", name="Enquiries")).to_be_visible()
    expect(panel.get_by_role("listitem")).to_have_text(
        ["3 new", "0 where the patient has replied", "1 urgent, not yet answered", re.compile(r"^1 overdue")]
    )

    page.get_by_role("link", name="Enquiries (3 new)").click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(live_server.url + "/admin/enquiries/")
    rows = page.locator("table.listing tbody tr")
    expect(rows.locator("td.title")).to_have_text([urgent.reference, re.compile("CH-"), re.compile("CH-")])
    expect(rows.first).to_contain_text("Uma Urgent")

    rows.first.get_by_role("link", name=urgent.reference).click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(live_server.url + f"/admin/enquiries/inspect/{urgent.pk}/")
    expect(page.locator(".help-warning")).to_contain_text("Urgent:")

    edit_triage(page, live_server, urgent, {"Assigned to": "reception"})

    open_admin(page, live_server, f"/admin/enquiries/inspect/{urgent.pk}/")
    page.get_by_label("Add a note for colleagues").fill("Rang the patient: booked for Tuesday 9am.")
    page.get_by_role("button", name="Add note").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text("Note added.")
    notes = page.locator("section[aria-labelledby='notes-heading'] li")
    expect(notes).to_have_count(1)
    expect(notes).to_contain_text("reception")
    expect(notes).to_contain_text("Rang the patient: booked for Tuesday 9am.")

    edit_triage(page, live_server, urgent, {"Status": "Closed", "Outcome": "Booked"})

    urgent.refresh_from_db()
    assert (urgent.status, urgent.outcome, urgent.assignee) == (Status.CLOSED, Outcome.BOOKED, receptionist)
    assert urgent.closed_at is not None
    assert urgent.first_opened_at is not None
    assert urgent.first_answered_at is not None
    assert list(EnquiryNote.objects.filter(enquiry=urgent).values_list("author", "text")) == [
        (receptionist.pk, "Rang the patient: booked for Tuesday 9am.")
    ]
    trail = ModelLogEntry.objects.for_instance(urgent).order_by("timestamp", "pk")
    assert {(entry.action, entry.user) for entry in trail} >= {
        ("enquiries.view", receptionist),
        ("enquiries.triage", receptionist),
        ("enquiries.note", receptionist),
    }
    assert [entry.action for entry in trail].count("enquiries.triage") == 2


def is_grey_or_pale(rgb):
    """``rgb(r, g, b)`` as computed: grey (no colour to speak of) or pale (barely darker than white)."""
    red, green, blue = (int(part) for part in re.findall(r"\d+", rgb)[:3])
    return max(red, green, blue) - min(red, green, blue) < 60 or min(red, green, blue) > 200


def rightmost_edge(locator):
    """Where the furthest right of ``locator`` and everything in it ends, in CSS pixels."""
    return locator.evaluate(
        "area => Math.max(...[area, ...area.querySelectorAll('*')].map(e => e.getBoundingClientRect().right))"
    )


@pytest.mark.parametrize("viewport", [NARROWEST, PHONE, DESKTOP], ids=["320", "phone", "desktop"])
def test_reception_assigns_and_closes_an_enquiry_with_the_detail_page_buttons(
    page, live_server, axe_check, receptionist, inbox, viewport
):
    urgent = inbox
    log_in(page, live_server, viewport)
    open_admin(page, live_server, f"/admin/enquiries/inspect/{urgent.pk}/")

    actions = page.locator(ACTIONS)
    tag = page.locator("p.enquiry-urgent .w-status")
    expect(tag).to_have_text("Urgent")
    assert not is_grey_or_pale(tag.evaluate("element => getComputedStyle(element).backgroundColor"))
    expect(actions.get_by_role("button")).to_have_text(
        ["Assign to me", "Mark in progress", "Close enquiry", "Mark as spam"]
    )
    assert rightmost_edge(actions) <= viewport["width"]  # nothing sticks out, a phone's width included
    axe_check(page, TRIAGE_AREA)

    actions.get_by_role("button", name="Assign to me").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text(f"{urgent.reference} is assigned to you.")
    expect(actions).to_contain_text("assigned to reception")
    expect(actions.get_by_role("button", name="Assign to me")).to_have_count(0)

    # Forgetting the outcome is explained, and changes nothing.
    actions.get_by_role("button", name="Close enquiry").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text(f"Choose an outcome before closing {urgent.reference}.")
    axe_check(page, TRIAGE_AREA)

    actions.get_by_role("combobox", name="Outcome").select_option(
        label="Advised emergency care (999, A&E or 111)"
    )
    actions.get_by_role("button", name="Close enquiry").click()
    page.wait_for_load_state("load")
    expect(page.locator(".messages")).to_contain_text(
        f"{urgent.reference} is closed: Advised emergency care (999, A&E or 111)."
    )
    expect(actions.get_by_role("button")).to_have_text(["Mark in progress", "Mark as spam"])
    expect(page.locator("section[aria-labelledby='history-heading']")).to_contain_text(
        "Changed status from New to Closed; outcome from — to Advised emergency care (999, A&E or 111)"
    )
    axe_check(page, TRIAGE_AREA)

    urgent.refresh_from_db()
    assert (urgent.status, urgent.outcome, urgent.assignee) == (
        Status.CLOSED,
        Outcome.EMERGENCY_CARE,
        receptionist,
    )
    assert urgent.closed_at is not None
    assert urgent.first_answered_at is not None
    trail = ModelLogEntry.objects.for_instance(urgent).filter(action="enquiries.triage")
    assert [(entry.user, entry.data["changes"]) for entry in trail.order_by("timestamp", "pk")] == [
        (receptionist, {"assignee": ["—", "reception"]}),
        (
            receptionist,
            {"status": ["New", "Closed"], "outcome": ["—", "Advised emergency care (999, A&E or 111)"]},
        ),
    ]


def test_the_triage_buttons_work_without_javascript(browser, live_server, receptionist, inbox):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        log_in(page, live_server, PHONE)
        open_admin(page, live_server, f"/admin/enquiries/inspect/{inbox.pk}/")
        page.locator(ACTIONS).get_by_role("button", name="Mark in progress").click()
        page.wait_for_load_state("load")

        expect(page).to_have_url(live_server.url + f"/admin/enquiries/inspect/{inbox.pk}/")
        expect(page.locator(".messages")).to_contain_text(f"{inbox.reference} is in progress.")
    finally:
        context.close()
    assert Enquiry.objects.get(pk=inbox.pk).status == Status.IN_PROGRESS


@VIEWPORTS
def test_urgent_tag_in_the_list_stands_out_with_no_axe_violations(
    page, live_server, axe_check, receptionist, inbox, viewport
):
    log_in(page, live_server, viewport)
    open_admin(page, live_server, "/admin/enquiries/")

    tag = page.get_by_role("row").filter(has_text=inbox.reference).locator("td.enquiry-urgent .w-status")
    expect(tag).to_have_text("Urgent")
    assert not is_grey_or_pale(tag.evaluate("element => getComputedStyle(element).backgroundColor"))
    axe_check(page, "td.enquiry-urgent")


def test_each_row_checkbox_is_described_by_its_reference(page, live_server, receptionist, inbox):
    log_in(page, live_server)
    open_admin(page, live_server, "/admin/enquiries/")

    checkbox = page.get_by_role("row").filter(has_text=inbox.reference).get_by_role("checkbox")
    expect(checkbox).to_have_accessible_description(inbox.reference, timeout=2000)


@VIEWPORTS
def test_dashboard_panel_has_no_axe_violations(page, live_server, axe_check, receptionist, inbox, viewport):
    log_in(page, live_server, viewport)

    expect(page.locator(PANEL)).to_be_visible()
    axe_check(page, PANEL)


@VIEWPORTS
def test_inspect_page_sections_have_no_axe_violations(
    page, live_server, axe_check, receptionist, inbox, viewport
):
    EnquiryNote.objects.create(enquiry=inbox, author=receptionist, text="Left a voicemail.")
    OutboxEmail.objects.create(enquiry=inbox, kind=EmailKind.STAFF_ALERT, sent_at=timezone.now())
    OutboxEmail.objects.create(
        enquiry=inbox,
        kind=EmailKind.ACKNOWLEDGEMENT,
        attempts=1,
        next_attempt_at=timezone.now(),
        last_error="E",
    )
    log_in(page, live_server, viewport)
    open_admin(page, live_server, f"/admin/enquiries/inspect/{inbox.pk}/")

    expect(page.get_by_role("heading", name="History")).to_be_visible()
    axe_check(page, INSPECT_SECTIONS)


def test_close_confirmation_page_has_no_axe_violations(page, live_server, axe_check, receptionist, inbox):
    log_in(page, live_server)
    open_admin(
        page, live_server, f"/admin/bulk/enquiries/enquiry/close/?id={inbox.pk}&next=/admin/enquiries/"
    )

    expect(page.get_by_text("Close these enquiries with the outcome below?")).to_be_visible()
    axe_check(page)
