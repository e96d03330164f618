"""Pages show the clinic's details from its settings, so one change reaches every page that mentions them."""

import json

import pytest

from wagtail.models import Page, Site

from clinic.models import ClinicSettings
from pages.demo_content import CLINIC

pytestmark = pytest.mark.django_db


def test_a_new_phone_number_and_email_reach_the_privacy_notice_and_accessibility_statement(client, demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    details.phone = "020 7946 0000"
    details.email = "reception@clinic.test"
    details.save()

    for url in ("/privacy/", "/accessibility/"):
        main = client.get(url).content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        assert '<a href="tel:+442079460000">020 7946 0000</a>' in main, url
        assert 'href="mailto:reception@clinic.test"' in main, url
        assert "8220 4254" not in main, url
        assert CLINIC["email"] not in main, url


def test_privacy_notice_gives_the_postal_address_from_the_settings(client, demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))

    main = client.get("/privacy/").content.decode().split("<main", 1)[1]

    assert ", ".join(details.address_lines) in main


def test_no_demo_page_types_the_clinics_phone_or_email_into_its_text(demo_site):
    """Typed into text, they would go stale when the settings change."""
    for page in Page.objects.descendant_of(demo_site, inclusive=True).specific():
        for field in ("body", "intro", "directions", "hero_text"):
            value = getattr(page, field, "")
            # The stored text itself, not a rendering of it.
            text = json.dumps(value.get_prep_value()) if hasattr(value, "get_prep_value") else str(value)
            assert "2082204254" not in text.replace(" ", ""), (page.url_path, field)
            assert CLINIC["email"] not in text, (page.url_path, field)
