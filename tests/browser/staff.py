"""Signing staff in to the admin in a browser test, as a person does (users made by ``make_user``)."""

from playwright.sync_api import expect

PASSWORD = "a-long-test-password"  # make_user's
DESKTOP = {"width": 1280, "height": 800}


def log_in(page, live_server, viewport=DESKTOP, username="reception"):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_server.url + "/admin/")
    page.wait_for_load_state("load")
