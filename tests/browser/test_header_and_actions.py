"""
The header and the patient's main actions on a phone and a desktop: the menu
stays on one line, the booking action is there, and an email address never
breaks in the middle of a word.
"""

import pytest
from playwright.sync_api import expect

WIDTHS = pytest.mark.parametrize("width", [320, 375, 1280])

# Line breaks inside a run of text where neither side is a space: a word cut in two.
BREAKS_INSIDE_WORDS = """
(element) => {
    const cuts = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let lastTop = null;
    while (walker.nextNode()) {
        const node = walker.currentNode;
        for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getClientRects()[0];
            if (!box) continue;
            const newLine = lastTop !== null && box.top > lastTop + 2;
            if (newLine && i > 0 && !/\\s/.test(node.data[i - 1]) && !/\\s/.test(node.data[i])) {
                cuts.push(node.data.slice(Math.max(0, i - 5), i) + "|" + node.data.slice(i, i + 5));
            }
            lastTop = box.top;
        }
    }
    return cuts;
}
"""


def open_at(page, live_server, width, path):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + path)


@WIDTHS
def test_menu_stays_on_one_line_without_the_page_scrolling_sideways(page, live_server, width):
    open_at(page, live_server, width, "/contact/")

    tops = (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link")
        .evaluate_all("links => links.map(link => Math.round(link.getBoundingClientRect().top))")
    )
    assert len(tops) >= 4
    assert len(set(tops)) == 1, tops
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    # The current page's link can be reached, scrolling the menu if need be.
    current = page.get_by_role("navigation", name="Main").get_by_role("link", name="Contact us")
    current.focus()
    expect(current).to_be_in_viewport()


@WIDTHS
def test_email_addresses_never_break_inside_a_word(page, live_server, width):
    open_at(page, live_server, width, "/contact/")

    for link in page.locator("a[href^='mailto:']").all():
        if link.is_visible():
            assert link.evaluate(BREAKS_INSIDE_WORDS) == [], link.inner_text()


@WIDTHS
def test_booking_is_offered_in_the_header_and_on_every_treatment_page(page, live_server, width):
    open_at(page, live_server, width, "/treatments/medical-acupuncture/")

    header_booking = page.locator("header").get_by_role("link", name="Book an appointment")
    expect(header_booking).to_be_visible()
    expect(header_booking).to_have_attribute("href", "https://booking.example.com/clayhall-osteopaths")
    main_booking = page.get_by_role("main").get_by_role("link", name="Book an appointment")
    expect(main_booking).to_have_count(2)
    expect(main_booking.first).to_be_visible()


@WIDTHS
def test_header_has_no_axe_violations(page, live_server, axe_check, width):
    open_at(page, live_server, width, "/treatments/medical-acupuncture/")

    axe_check(page, "header")
