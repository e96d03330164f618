"""The page the web server shows while the site is down gives the clinic's phone number, whole and alone."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Site

from clinic.models import ClinicSettings
from tests.outages import database_refusing_connections


def write(tmp_path):
    target = tmp_path / "maintenance.html"
    call_command("write_maintenance_page", str(target), stdout=StringIO())
    return target.read_text()


@pytest.mark.django_db
def test_the_page_gives_the_clinics_current_details_and_needs_nothing_else(tmp_path, site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    details.phone = "020 7946 0000"
    details.save()

    html = write(tmp_path)

    assert '<a class="phone" href="tel:+442079460000">020 7946 0000</a>' in html
    assert "call 999 or go to A&E" in html
    # Nothing it needs lives on the site that is down.
    assert "<link" not in html and "<script" not in html and 'src="' not in html


def test_the_page_falls_back_to_the_settings_when_the_database_is_down(transactional_db, tmp_path):
    with database_refusing_connections():
        html = write(tmp_path)

    assert 'href="tel:+442082204254">020 8220 4254</a>' in html


def test_a_missing_folder_is_explained(tmp_path):
    with pytest.raises(CommandError, match="no folder"):
        call_command("write_maintenance_page", str(tmp_path / "nowhere" / "page.html"))
