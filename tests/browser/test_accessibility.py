"""axe-core finds no WCAG 2.2 A/AA violations on any public page type, phone or desktop."""

import pytest

PAGES = [
    "/",
    "/treatments/",
    "/treatments/medical-acupuncture/",
    "/about/",
    "/privacy/",
    "/your-visit/",
    "/contact/",
    "/conditions/",
    "/conditions/sciatica/",
    "/team/",
    "/team/anya-patel/",
    "/search/",
    "/search/?q=pain",
    "/search/?q=xylophone",
    "/no-such-page/",
    # A reply link that does not work; the pages behind a working one need a reply to exist first.
    "/enquiries/replies/not-a-link/",
]
VIEWPORTS = {
    "320": {"width": 320, "height": 640},
    "375": {"width": 375, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("path", PAGES)
def test_public_page_has_no_axe_violations(page, live_server, axe_check, path, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + path)

    axe_check(page)


def test_faq_answers_open_from_the_keyboard(page, live_server):
    page.goto(live_server.url + "/treatments/medical-acupuncture/")
    question = page.locator("summary").first
    question.focus()
    page.keyboard.press("Enter")

    assert page.locator("details").first.get_attribute("open") is not None
