"""Parent and subpage rules keep editors from building a nonsensical tree."""

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from wagtail.models import Page

from pages.models import (
    ConditionIndexPage,
    ConditionPage,
    ContactPage,
    HomePage,
    PractitionerPage,
    StandardPage,
    TeamPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def test_page_types_only_go_where_they_make_sense():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert set(HomePage.allowed_subpage_models()) == {
        TreatmentIndexPage,
        ConditionIndexPage,
        TeamPage,
        ContactPage,
        StandardPage,
    }
    assert TreatmentIndexPage.allowed_parent_page_models() == [HomePage]
    assert TreatmentIndexPage.allowed_subpage_models() == [TreatmentPage]
    assert TreatmentPage.allowed_parent_page_models() == [TreatmentIndexPage]
    assert TreatmentPage.allowed_subpage_models() == []
    assert ContactPage.allowed_subpage_models() == []
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    assert ConditionIndexPage.allowed_subpage_models() == [ConditionPage]
    assert ConditionPage.allowed_parent_page_models() == [ConditionIndexPage]
    assert ConditionPage.allowed_subpage_models() == []
    assert TeamPage.allowed_subpage_models() == [PractitionerPage]
    assert PractitionerPage.allowed_parent_page_models() == [TeamPage]
    assert PractitionerPage.allowed_subpage_models() == []


def test_singletons_cannot_be_added_twice(demo_site):
    home = demo_site
    root = home.get_parent()

    assert not HomePage.can_create_at(root)
    assert not TreatmentIndexPage.can_create_at(home)
    assert not ContactPage.can_create_at(home)
    assert not ConditionIndexPage.can_create_at(home)
    assert not TeamPage.can_create_at(home)
    assert StandardPage.can_create_at(home)


def test_treatment_cannot_sit_directly_under_home(demo_site):
    assert not TreatmentPage.can_create_at(demo_site)


def test_listing_image_needs_alternative_text_in_the_form(demo_site):
    treatment = TreatmentPage.objects.get(slug="osteopathy")
    treatment.listing_image = make_image()
    treatment.listing_image_alt = "  "
    treatment.listing_image_decorative = False

    with pytest.raises(ValidationError) as error:
        treatment.full_clean()
    assert "listing_image_alt" in error.value.message_dict


def test_listing_image_needs_alternative_text_in_the_database(demo_site):
    treatments = TreatmentPage.objects.filter(slug="osteopathy")

    with pytest.raises(IntegrityError):
        treatments.update(listing_image=make_image(), listing_image_alt="", listing_image_decorative=False)


def test_a_decorative_listing_image_needs_no_alternative_text_and_keeps_none(demo_site):
    treatment = TreatmentPage.objects.get(slug="osteopathy")
    treatment.listing_image_alt = "A pattern of circles"
    treatment.listing_image_decorative = True

    treatment.full_clean()

    assert treatment.listing_image_alt == ""
    assert treatment.listing_image_alt_text == ""


def test_hero_image_needs_alternative_text_in_the_form_and_the_database(demo_site):
    home = HomePage.objects.get()
    home.hero_image_alt = ""

    with pytest.raises(ValidationError) as error:
        home.full_clean()
    assert "hero_image_alt" in error.value.message_dict
    with pytest.raises(IntegrityError):
        HomePage.objects.update(hero_image_alt="")
