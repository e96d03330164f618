"""Staff edit content in the Wagtail admin: drafts and publishing."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from pages.models import TreatmentIndexPage, TreatmentPage
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


def test_draft_with_an_empty_block_is_refused_on_saving_with_the_error_at_the_top(client, demo_site):
    client.force_login(make_user("editor", groups=["Editors"]))
    index = TreatmentIndexPage.objects.get()
    url, data = treatment_form(
        client,
        index,
        title="Cupping",
        slug="cupping",
        summary="Draft only.",
        body=streamfield([("text", rich_text("<p>Ready.</p>")), ("heading", {"text": "", "level": "h2"})]),
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert not TreatmentPage.objects.filter(slug="cupping").exists()
    messages = [str(message) for message in response.context["messages"]]
    assert any("could not be created due to validation errors" in message for message in messages)
    assert "body" in response.context["form"].errors


def test_draft_with_no_body_yet_still_saves(client, demo_site):
    client.force_login(make_user("editor", groups=["Editors"]))
    index = TreatmentIndexPage.objects.get()
    url, data = treatment_form(client, index, title="Cupping", slug="cupping", body=streamfield([]))

    response = client.post(url, data)

    assert response.status_code == 302
    assert not TreatmentPage.objects.get(slug="cupping").live


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
