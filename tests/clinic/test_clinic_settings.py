"""The clinic's details are edited once, in the site setting, and appear on every page."""

import pytest

from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from clinic.models import ClinicSettings, Closure
from tests.factories import make_user
from tests.pages.test_public_pages import PUBLIC_PAGES

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
        header = html.split("</header>", 1)[0]
        assert 'href="https://booking.example.org/clayhall"' in header, url
        assert "Book<span" in header and "an appointment</span>" in header, url
        assert "020 8220 4254" not in header, url


def test_opening_hours_and_address_render_on_the_contact_page(client, demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    html = client.get("/contact/").content.decode()

    assert details.opening_hours, "the demo content fills the opening hours"
    hours = html.split('id="contact-hours-heading"', 1)[1].split("</section>", 1)[0]
    nine_to_eight = '<time datetime="09:00">9am</time> to <time datetime="20:00">8pm</time>'
    assert f"<dt>Monday to Friday</dt><dd>{nine_to_eight}</dd>" in hours
    assert "<dt>Sunday</dt><dd>Closed</dd>" in hours
    for line in details.address_lines:
        assert line in html


def test_booking_is_offered_on_every_treatment_page_while_a_booking_address_is_set(client, demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    assert details.booking_url, "the demo content sets one"

    for slug in ("osteopathy", "medical-acupuncture", "deep-tissue-massage", "electrotherapy"):
        main = client.get(f"/treatments/{slug}/").content.decode().split("<main", 1)[1]
        booking = f'<a class="button" href="{details.booking_url}">Book an appointment</a>'
        assert main.count(booking) == 2, slug

    details.booking_url = ""
    details.save()
    for url in PUBLIC_PAGES:
        assert "Book an appointment" not in client.get(url).content.decode(), url


@pytest.fixture(params=["administrator", "editor", "moderator"])
def staff_client(request, client, admin_user):
    """Someone who keeps the clinic's details: an administrator, or a member of Editors or Moderators."""
    groups = {"administrator": [], "editor": ["Editors"], "moderator": ["Moderators"]}[request.param]
    client.force_login(admin_user if request.param == "administrator" else make_user(groups=groups))
    return client


def test_staff_edit_the_clinic_details_in_the_admin(staff_client, demo_site):
    admin_client = staff_client
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("clinic", "clinicsettings", site.pk))
    page = admin_client.get(url)
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data["phone"] = "020 8220 9999"
    # The admin draws StreamFields with JavaScript, so the page has no inputs for them.
    data.update(
        nested_form_data({"opening_hours": streamfield([("session", {"opens": "08:00", "closes": "18:00"})])})
    )
    data.setlist("opening_hours-0-value-days", ["monday", "tuesday", "wednesday", "thursday", "friday"])

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert ClinicSettings.for_site(site).phone == "020 8220 9999"
    about = admin_client.get("/about/").content.decode()
    assert 'href="tel:+442082209999"' in about
    assert '<time datetime="08:00">8am</time> to <time datetime="18:00">6pm</time>' in about


@pytest.mark.parametrize("groups", [["Editors"], ["Moderators"], ["Reception"]])
def test_editors_moderators_and_reception_add_a_closure(client, demo_site, groups):
    client.force_login(make_user(groups=groups))

    response = client.post(
        reverse("wagtailsnippets_clinic_closure:add"),
        {"first_day": "2027-08-02", "last_day": "2027-08-06", "reason": "for the summer"},
    )

    assert response.status_code == 302
    assert Closure.objects.get().reason == "for the summer"


def test_reception_keep_closures_but_not_the_clinic_details(client, demo_site):
    client.force_login(make_user(groups=["Reception"]))
    site = Site.objects.get(is_default_site=True)

    response = client.get(reverse("wagtailsettings:edit", args=("clinic", "clinicsettings", site.pk)))

    assert response.status_code in {302, 403}
    assert client.get(reverse("wagtailsnippets_clinic_closure:list")).status_code == 200
