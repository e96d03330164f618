"""A patient finds a treatment from the home page on a phone and on a desktop."""

import pytest

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_patient_follows_the_menu_to_medical_acupuncture_and_can_call(page, live_server, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Treatments").click()
    page.get_by_role("link", name="Medical acupuncture").first.click()

    assert page.url == live_server.url + "/treatments/medical-acupuncture/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Medical acupuncture")
    call_link = page.get_by_role("link", name="Call us").first
    assert call_link.is_visible()
    assert call_link.get_attribute("href") == "tel:+442082204254"


def test_skip_link_moves_focus_to_the_main_content(page, live_server):
    page.goto(live_server.url + "/treatments/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main-content"


def test_phone_layout_does_not_scroll_sideways(page, live_server):
    page.set_viewport_size(PHONE)
    for path in ("/", "/treatments/", "/treatments/medical-acupuncture/", "/contact/", "/privacy/"):
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
