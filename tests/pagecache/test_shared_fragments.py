"""
The parts of a page that many pages show alike (the contact bar, the menu for
one section, the footer) are rendered once for each state of the site and kept
with its shared data (``{% sharedfragment %}``). A page made from them reads
exactly as one made afresh, and they are never stale: whatever changes what
they show starts a new generation.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.conf import settings as django_settings
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory
from django.urls import reverse

from wagtail.models import Page, Site

from clinic.models import ClinicSettings
from pagecache import shared_data
from pages.models import PractitionerPage, TreatmentPage

PAGES = ["/", "/treatments/", "/treatments/osteopathy/", "/about/", "/team/", "/contact/", "/search/?q=back"]
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def shared_data_on(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.SITE_DATA_CACHE_ENABLED = True


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def without_tokens(html):
    """A page's HTML without what its form sets anew on every visit (the CSRF token, start time, token)."""
    return re.sub(r'name="(csrfmiddlewaretoken|started|token)" value="[^"]*"', "", html)


def test_a_page_made_from_kept_fragments_reads_as_one_made_afresh(client, demo_site, settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.SITE_DATA_CACHE_ENABLED = False
    afresh = {url: without_tokens(client.get(url).content.decode()) for url in PAGES}
    settings.SITE_DATA_CACHE_ENABLED = True

    for url in PAGES:
        client.get(url)  # keeps the fragments
    for url in PAGES:
        assert without_tokens(client.get(url).content.decode()) == afresh[url], url


def test_each_page_marks_its_own_place_in_the_kept_menu(client, demo_site, shared_data_on):
    expected = {"/": "Home", "/treatments/": "Treatments", "/about/": "About us"}
    for _ in range(2):
        for url, current in expected.items():
            menu = BeautifulSoup(client.get(url).content, "html.parser").select_one(".main-menu")
            assert [link.get_text() for link in menu.select('[aria-current="page"]')] == [current], url
    treatment = BeautifulSoup(client.get("/treatments/osteopathy/").content, "html.parser")
    assert not treatment.select('.main-menu [aria-current="page"]')
    assert [link.get_text() for link in treatment.select(".main-menu .in-section")] == ["Treatments"]


def test_a_changed_email_address_shows_at_once_in_the_header_and_footer(
    client, demo_site, shared_data_on, committing
):
    client.get("/about/")
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))

    with committing():
        details.email = "desk@clayhall-clinic.example"
        details.save()

    html = BeautifulSoup(client.get("/about/").content, "html.parser")
    assert "mailto:desk@clayhall-clinic.example" in html.select_one(".contact-bar").decode()
    assert "mailto:desk@clayhall-clinic.example" in html.select_one("footer").decode()


def test_the_footer_is_made_again_each_day(client, demo_site, shared_data_on):
    with time_machine.travel(datetime(2026, 12, 31, 23, 30, tzinfo=LONDON), tick=False):
        assert "&copy; 2026" in client.get("/about/").content.decode()
    with time_machine.travel(datetime(2027, 1, 1, 0, 30, tzinfo=LONDON), tick=False):
        assert "&copy; 2027" in client.get("/about/").content.decode()


def test_the_open_now_line_kept_for_the_day_is_right_until_its_last_page_expires(
    client, demo_site, shared_data_on
):
    with time_machine.travel(datetime(2026, 12, 4, 0, 5, tzinfo=LONDON), tick=False):
        client.get("/about/")  # the day's footer, made just after midnight
    with time_machine.travel(datetime(2026, 12, 4, 23, 55, tzinfo=LONDON), tick=False):
        html = BeautifulSoup(client.get("/about/").content, "html.parser")
    spans = html.select("footer .opening-status span")

    last_until = datetime.fromisoformat(spans[-1]["data-shown-until"].replace("Z", "+00:00"))
    kept = timedelta(
        seconds=django_settings.PAGE_CACHE_TIMEOUT
        + max(django_settings.PAGE_CACHE_SHARED_MAX_AGE, django_settings.PAGE_CACHE_BROWSER_MAX_AGE)
    )
    assert last_until >= datetime(2026, 12, 4, 23, 55, tzinfo=LONDON) + kept


def test_each_site_keeps_its_own_fragments(client, demo_site, shared_data_on, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    other_site = Site.objects.create(
        hostname="other.example", port=80, root_page=Page.objects.get(url_path__endswith="/about/")
    )
    ClinicSettings.objects.create(site=other_site, name="Other Street Clinic", email="hello@other.example")
    client.get("/")

    other = Client(headers={"host": "other.example"}).get("/").content.decode()

    assert "Contact Other Street Clinic" in other
    assert "mailto:hello@other.example" in other
    assert "Contact Other Street Clinic" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_outside_a_site_the_fragment_is_rendered_as_it_stands(shared_data_on):
    template = Template(
        '{% load shared_fragments %}{% sharedfragment "note" %}{{ word }}{% endsharedfragment %}'
    )

    assert template.render(Context({"word": "plain"})) == "plain"
    request = RequestFactory().get("/", headers={"host": "nowhere.example"})
    assert template.render(Context({"word": "plain", "request": request})) == "plain"


def test_a_fragment_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="needs the fragment's name"):
        Template("{% load shared_fragments %}{% sharedfragment %}{% endsharedfragment %}")


def test_kept_fragments_travel_with_what_the_address_took(client, demo_site, shared_data_on):
    first = client.get("/about/")
    taken = shared_data.taken_for(first.wsgi_request)

    assert {name.split(":")[1] for name in taken if name.startswith("fragment:")} == {
        "contact-bar",
        "main-menu",
        "footer",
        "opening-hours",
    }


def kept_enquiry_forms(response):
    """Which blank enquiry forms the address has kept, by the treatment chosen in them."""
    taken = shared_data.taken_for(response.wsgi_request)
    return {name.rsplit(":", 1)[1] for name in taken if name.startswith("fragment:enquiry-fields:")}


def enquiry_form(response):
    return BeautifulSoup(response.content, "html.parser").select_one("form.enquiry-form")


def test_a_blank_enquiry_form_is_kept_but_every_visitor_gets_their_own_tokens(demo_site, shared_data_on):
    first, second = Client().get("/contact/"), Client().get("/contact/")

    assert kept_enquiry_forms(second) == {""}
    for name in ("csrfmiddlewaretoken", "token"):
        assert (
            enquiry_form(first).select_one(f"input[name={name}]")["value"]
            != (enquiry_form(second).select_one(f"input[name={name}]")["value"])
        ), name
    assert without_tokens(first.content.decode()) == without_tokens(second.content.decode())


def test_each_offered_treatment_keeps_its_own_blank_form_and_any_other_link_the_plain_one(
    client, demo_site, shared_data_on
):
    client.get("/contact/")
    for url in (
        "/contact/?treatment=osteopathy",
        "/contact/?treatment=no-such-treatment",
        "/contact/?treatment=x",
    ):
        response = client.get(url)

    assert kept_enquiry_forms(response) == {"", "osteopathy"}
    chosen = enquiry_form(client.get("/contact/?treatment=osteopathy")).select("option[selected]")
    assert [option["value"] for option in chosen] == ["osteopathy"]


def test_a_form_sent_back_with_its_errors_is_never_kept(client, demo_site, shared_data_on):
    client.get("/contact/")
    response = client.post(reverse("enquiries:submit"), {"name": "Nell Private", "message": "My knee"})

    assert response.status_code == 200 and "Nell Private" in response.content.decode()
    blank = Client().get("/contact/")
    assert "Nell Private" not in blank.content.decode()
    assert "My knee" not in blank.content.decode()
    assert not enquiry_form(blank).select(".form-group--error, [aria-invalid]")


def test_changed_warning_signs_show_at_once_in_the_kept_form(client, demo_site, shared_data_on, committing):
    from enquiries.models import EnquirySettings

    client.get("/contact/")
    enquiry_settings = EnquirySettings.for_site(Site.objects.get(is_default_site=True))

    with committing():
        enquiry_settings.warning_signs = "Numbness around the saddle area\nA new weakness in one leg"
        enquiry_settings.save()

    signs = enquiry_form(client.get("/contact/")).select(".warning-signs li")
    assert [sign.get_text() for sign in signs] == [
        "Numbness around the saddle area",
        "A new weakness in one leg",
    ]


@pytest.mark.parametrize(
    ("url", "fragment", "listed_model"),
    [("/treatments/", "treatment-cards", TreatmentPage), ("/team/", "practitioner-cards", PractitionerPage)],
)
def test_listing_cards_are_kept_and_show_a_published_change_at_once(
    client, demo_site, shared_data_on, committing, url, fragment, listed_model
):
    taken = shared_data.taken_for(client.get(url).wsgi_request)
    assert any(name.startswith(f"fragment:{fragment}:") for name in taken)
    listed = listed_model.objects.live().first()

    with committing():
        listed.summary = "A summary written today"
        listed.save_revision().publish()

    cards = BeautifulSoup(client.get(url).content, "html.parser").select(".card-grid .card")
    assert any("A summary written today" in card.get_text() for card in cards)
