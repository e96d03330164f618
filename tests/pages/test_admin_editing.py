"""Staff edit content in the Wagtail admin: drafts, publishing, and the clinic details."""

import pytest

from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from pages.models import ClinicSettings, TreatmentIndexPage, TreatmentPage
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def treatment_form(client, parent, **fields):
    """The admin's own create form for a treatment, as the browser would submit it."""
    url = reverse("wagtailadmin_pages:add", args=("pages", "treatmentpage", parent.pk))
    page = client.get(url)
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(fields))
    return url, data


def test_moderator_creates_and_publishes_a_treatment_page(client, demo_site):
    client.force_login(make_user("moderator", groups=["Moderators"]))
    index = TreatmentIndexPage.objects.get()
    url, data = treatment_form(
        client,
        index,
        title="Acupressure",
        slug="acupressure",
        summary="Firm finger pressure on tight points, for people who prefer not to have needles.",
        session_length="30",
        fee="45.00",
        body=streamfield(
            [
                ("heading", {"text": "What happens", "level": "h2"}),
                ("text", rich_text("<p>We press on each tight point until it softens.</p>")),
            ]
        ),
    )
    data["action-publish"] = "action-publish"

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = TreatmentPage.objects.get(slug="acupressure")
    assert page.live
    assert page.session_length == 30
    public = client.get("/treatments/acupressure/")
    assert public.status_code == 200
    assert "We press on each tight point until it softens." in public.content.decode()
    assert 'href="/treatments/acupressure/"' in client.get("/treatments/").content.decode()


def test_editor_saves_a_draft_that_patients_cannot_see(client, demo_site):
    client.force_login(make_user("editor", groups=["Editors"]))
    index = TreatmentIndexPage.objects.get()
    url, data = treatment_form(
        client,
        index,
        title="Cupping",
        slug="cupping",
        summary="Draft only.",
        body=streamfield([("text", rich_text("<p>Not ready yet.</p>"))]),
    )

    response = client.post(url, data)

    assert response.status_code == 302
    draft = TreatmentPage.objects.get(slug="cupping")
    assert not draft.live
    assert client.get("/treatments/cupping/").status_code == 404
    assert "Cupping" not in client.get("/treatments/").content.decode()


def test_publishing_without_alt_text_for_the_listing_image_is_refused(client, demo_site):
    client.force_login(make_user("moderator", groups=["Moderators"]))
    index = TreatmentIndexPage.objects.get()
    image = TreatmentPage.objects.exclude(listing_image=None).first().listing_image
    url, data = treatment_form(
        client,
        index,
        title="Cupping",
        slug="cupping",
        summary="Cups on the skin.",
        listing_image=str(image.pk),
        listing_image_alt="",
        body=streamfield([("text", rich_text("<p>Text.</p>"))]),
    )
    data["action-publish"] = "action-publish"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "listing_image_alt" in response.context["form"].errors
    assert not TreatmentPage.objects.filter(slug="cupping").exists()


def test_administrator_edits_the_clinic_details_in_the_admin(admin_client, demo_site):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("pages", "clinicsettings", site.pk))
    page = admin_client.get(url)
    assert page.status_code == 200
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data["phone"] = "020 8220 9999"
    # The admin draws StreamFields with JavaScript, so the page has no inputs for them.
    data.update(
        nested_form_data(
            {"opening_hours": streamfield([("period", {"days": "Monday to Friday", "hours": "8am to 6pm"})])}
        )
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert ClinicSettings.for_site(site).phone == "020 8220 9999"
    about = admin_client.get("/about/").content.decode()
    assert 'href="tel:+442082209999"' in about
    assert "8am to 6pm" in about
