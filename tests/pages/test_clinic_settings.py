"""The clinic's details are edited once, in the site setting, and appear on every page."""

import pytest

from wagtail.models import Site

from pages.models import ClinicSettings

from .test_public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db


def test_changing_the_setting_changes_every_page(client, demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    details.phone = "020 7946 0000"
    details.email = "reception@example.org"
    details.booking_url = "https://booking.example.org/clayhall"
    details.save()

    for url in PUBLIC_PAGES:
        html = client.get(url).content.decode()
        assert 'href="tel:+442079460000"' in html, url
        assert "020 7946 0000" in html, url
        assert 'href="mailto:reception@example.org"' in html, url
        assert 'href="https://booking.example.org/clayhall">Book online' in html, url
        header = html.split("</header>", 1)[0]
        assert "0208 220 4254" not in header, url


def test_opening_hours_and_address_render_on_the_contact_page(client, demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    html = client.get("/contact/").content.decode()

    assert details.opening_hours, "the demo content fills the opening hours"
    for period in details.opening_hours:
        assert period.value["days"] in html
    for line in details.address_lines:
        assert line in html


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("0208 220 4254", "tel:+442082204254"),
        ("+44 20 8220 4254", "tel:+442082204254"),
        ("(020) 8220-4254", "tel:+442082204254"),
    ],
)
def test_phone_link_uses_the_international_form(phone, href):
    assert ClinicSettings(phone=phone).phone_href == href


def test_booking_link_is_absent_until_a_booking_address_is_set(client, demo_site):
    assert "Book online" not in client.get("/").content.decode()
