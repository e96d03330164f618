"""The clinic's details moved from the pages app to clinic/ without losing a row or a permission."""

import pytest

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from clinic.models import ClinicSettings
from tests.migrator import migrate

pytestmark = pytest.mark.django_db


def test_clinic_details_and_who_may_change_them_survive_the_move_to_the_clinic_app(site):
    old = migrate(("clinic", None), ("pages", "0002_clinic_settings_contact_page"))
    OldClinicSettings = old.get_model("pages", "ClinicSettings")
    OldGroup, OldPermission = old.get_model("auth", "Group"), old.get_model("auth", "Permission")
    OldClinicSettings.objects.create(
        site_id=site.pk, name="Clayhall Osteopaths", phone="020 8220 4254", email="desk@clinic.test"
    )
    OldGroup.objects.create(name="Office").permissions.add(
        OldPermission.objects.get(content_type__app_label="pages", codename="change_clinicsettings")
    )

    migrate()

    details = ClinicSettings.objects.get(site=site)
    assert (details.name, details.email) == ("Clayhall Osteopaths", "desk@clinic.test")
    assert details.phone.as_e164 == "+442082204254"  # clinic 0002: the phone rule's form
    office = Group.objects.get(name="Office")
    assert list(office.permissions.values_list("content_type__app_label", "codename")) == [
        ("clinic", "change_clinicsettings")
    ]


def test_permissions_follow_even_when_the_clinic_content_type_was_already_made(site):
    old = migrate(("clinic", None), ("pages", "0002_clinic_settings_contact_page"))
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldGroup, OldPermission = old.get_model("auth", "Group"), old.get_model("auth", "Permission")
    OldContentType.objects.create(app_label="clinic", model="clinicsettings")
    OldGroup.objects.create(name="Office").permissions.add(
        OldPermission.objects.get(content_type__app_label="pages", codename="change_clinicsettings")
    )

    migrate()

    office = Group.objects.get(name="Office")
    assert list(office.permissions.values_list("content_type__app_label", "codename")) == [
        ("clinic", "change_clinicsettings")
    ]
    assert not ContentType.objects.filter(app_label="pages", model="clinicsettings").exists()
