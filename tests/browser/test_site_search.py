"""
The search box in the header, on a phone and a desktop: it fits beside or below
the clinic's name without pushing the page sideways or the menu onto two lines,
and it takes the patient to their results.
"""

import pytest
from playwright.sync_api import expect

WIDTHS = pytest.mark.parametrize("width", [320, 375, 1280])


def open_at(page, live_server, width, path):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + path)


@WIDTHS
def test_the_search_box_fits_the_header_without_sideways_scrolling(page, live_server, width):
    open_at(page, live_server, width, "/treatments/medical-acupuncture/")

    box = page.locator("header").get_by_role("search")
    field = box.get_by_role("searchbox", name="Search this website")
    button = box.get_by_role("button", name="Search")
    expect(field).to_be_visible()
    expect(button).to_be_visible()
    for control in (field, button):
        bounds = control.bounding_box()
        assert bounds["x"] >= 0
        assert bounds["x"] + bounds["width"] <= width
        assert bounds["height"] >= 44  # a target a thumb can hit (WCAG 2.5.8 asks for 24)
    assert field.bounding_box()["width"] >= 150
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    tops = (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link")
        .evaluate_all("links => links.map(link => Math.round(link.getBoundingClientRect().top))")
    )
    assert len(set(tops)) == 1, tops


@WIDTHS
def test_searching_from_the_header_shows_the_results(page, live_server, width):
    open_at(page, live_server, width, "/")

    page.locator("header").get_by_role("searchbox", name="Search this website").fill("acupuncture")
    page.keyboard.press("Enter")

    expect(page).to_have_url(live_server.url + "/search/?q=acupuncture")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search results")
    expect(
        page.get_by_role("searchbox", name="Search for a treatment, a condition or a practitioner")
    ).to_have_value("acupuncture")
    expect(
        page.get_by_role("main").get_by_role("link", name="Medical acupuncture", exact=False)
    ).to_be_visible()


@WIDTHS
def test_the_results_page_does_not_scroll_sideways(page, live_server, width):
    open_at(page, live_server, width, "/search/?q=" + "b" * 200)

    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@WIDTHS
def test_the_header_with_its_search_box_has_no_axe_violations(page, live_server, axe_check, width):
    open_at(page, live_server, width, "/")

    axe_check(page, "header")
