"""
The privacy rule of the site's own routing (``HomePage.route``) and listings
(``pages/visibility.py``), which stand in for Wagtail's: a page is private when
it, or any page above it, has a view restriction; an alias is private when the
page it copies is. Each case is tried with the shared site data off (the first
visit after a change) and on (every visit after), since routing keeps what it
found there.
"""

import pytest

from django.test import Client

from wagtail.models import Page, PageViewRestriction

from pages.models import TreatmentPage


@pytest.fixture(params=["read afresh", "kept"])
def shared_data(request, settings):
    settings.SITE_DATA_CACHE_ENABLED = request.param == "kept"


def treatments_index():
    return Page.objects.get(url_path__endswith="/treatments/")


def osteopathy():
    return TreatmentPage.objects.get(slug="osteopathy")


def test_a_password_protected_page_asks_for_its_password_and_opens_with_it(client, demo_site, shared_data):
    restriction = PageViewRestriction.objects.create(
        page=osteopathy(), restriction_type=PageViewRestriction.PASSWORD, password="ask-reception"
    )

    asked = client.get("/treatments/osteopathy/")

    assert asked.status_code == 200
    assert 'name="password"' in asked.content.decode()
    assert osteopathy().summary not in asked.content.decode()
    assert "no-cache" in asked["Cache-Control"]
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{osteopathy().pk}/",
        {"password": "ask-reception", "return_url": "/treatments/osteopathy/"},
    )
    opened = client.get("/treatments/osteopathy/")
    assert 'name="password"' not in opened.content.decode()
    assert osteopathy().summary in opened.content.decode()
    assert 'name="password"' in Client().get("/treatments/osteopathy/").content.decode()


def test_a_restricted_section_asks_to_sign_in_for_every_page_in_it(client, demo_site, shared_data):
    PageViewRestriction.objects.create(page=treatments_index(), restriction_type=PageViewRestriction.LOGIN)

    for url in ("/treatments/", "/treatments/osteopathy/", "/treatments/medical-acupuncture/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"] and f"next={url}" in response["Location"].replace("%2F", "/")
    assert client.get("/about/").status_code == 200


def test_private_pages_are_left_out_of_listings_and_the_menu(client, demo_site, shared_data):
    PageViewRestriction.objects.create(page=osteopathy(), restriction_type=PageViewRestriction.LOGIN)

    for url in ("/", "/treatments/"):
        assert 'href="/treatments/osteopathy/"' not in client.get(url).content.decode(), url
    assert 'href="/treatments/medical-acupuncture/"' in client.get("/treatments/").content.decode()


def test_an_alias_of_a_private_page_is_private_too(
    client, demo_site, shared_data, django_capture_on_commit_callbacks
):
    about = Page.objects.get(url_path__endswith="/about/")
    osteopathy().create_alias(parent=about, update_slug="osteopathy-explained")
    assert client.get("/about/osteopathy-explained/").status_code == 200  # kept, with shared data on

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=osteopathy(), restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/about/osteopathy-explained/")
    assert response.status_code == 302 and "login" in response["Location"]
