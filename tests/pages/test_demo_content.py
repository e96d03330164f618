"""`load_demo_content` builds the clinic's site once and changes nothing when run again."""

import pytest

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from clinic.models import ClinicSettings
from pages.models import HomePage

pytestmark = pytest.mark.django_db

EXPECTED_URLS = [
    "/",
    "/treatments/",
    "/treatments/osteopathy/",
    "/treatments/medical-acupuncture/",
    "/treatments/deep-tissue-massage/",
    "/treatments/electrotherapy/",
    "/about/",
    "/contact/",
    "/privacy/",
    "/accessibility/",
]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "sites": Site.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "settings": list(ClinicSettings.objects.values()),
    }


def test_demo_content_builds_the_site_with_short_stable_urls(demo_site):
    site = Site.objects.get(is_default_site=True)
    urls = {page.get_url() for page in Page.objects.live().descendant_of(site.root_page, inclusive=True)}

    assert isinstance(site.root_page.specific, HomePage)
    assert set(EXPECTED_URLS) <= urls
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_demo_content_fills_the_clinic_details(demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))

    assert details.phone == "020 8220 4254"
    assert details.email == "info@clayhallosteopath.com"
    assert details.address_lines
    assert len(details.opening_hours) >= 2
    assert details.privacy_page.url == "/privacy/"
    assert details.accessibility_page.url == "/accessibility/"


def test_running_the_loader_twice_changes_nothing(demo_site):
    before = snapshot()

    call_command("load_demo_content", verbosity=0)

    assert snapshot() == before


def test_every_demo_page_is_published_with_a_summary(demo_site):
    for page in Page.objects.live().descendant_of(demo_site, inclusive=True).specific():
        assert page.summary, page.url
        assert not page.has_unpublished_changes, page.url
