"""The clinic's details moved from the pages app to clinic/ without losing a row or a permission."""

import importlib

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


# clinic 0006: opening hours written as text become times


OPENING_HOURS = importlib.import_module("clinic.migrations.0006_structured_opening_hours")
DEMO_TEXT = [
    ("Monday to Friday", "9am to 8pm"),
    ("Saturday", "9am to 2pm"),
    ("Sunday and bank holidays", "Closed"),
]


def clinic_details_in_text(site, lines):
    """ClinicSettings as they were before 0006, with opening hours as lines of text."""
    old = migrate(("clinic", "0005_closure"))
    periods = [{"type": "period", "value": {"days": days, "hours": hours}} for days, hours in lines]
    return old.get_model("clinic", "ClinicSettings").objects.create(site_id=site.pk, opening_hours=periods)


def sessions(details):
    return [
        (block.value["days"], f"{block.value['opens']:%H:%M}", f"{block.value['closes']:%H:%M}")
        for block in details.opening_hours
    ]


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def test_the_demos_opening_hours_become_times(site):
    clinic_details_in_text(site, DEMO_TEXT)

    migrate()

    details = ClinicSettings.objects.get(site=site)
    assert sessions(details) == [(WEEKDAYS, "09:00", "20:00"), (["saturday"], "09:00", "14:00")]
    assert details.opening_hours_note == ""


@pytest.mark.parametrize(
    ("lines", "week"),
    [
        ([("Mon–Fri", "9:00–17:30")], {day: [("09:00", "17:30")] for day in range(5)}),
        (
            [("Weekdays", "9am-1pm and 2pm-6pm")],
            {day: [("09:00", "13:00"), ("14:00", "18:00")] for day in range(5)},
        ),
        ([("Tuesday, Thursday", "10am until 7pm")], {1: [("10:00", "19:00")], 3: [("10:00", "19:00")]}),
        ([("Saturdays", "9.30am to 12 noon"), ("Sundays", "closed")], {5: [("09:30", "12:00")]}),
        ([("Friday to Monday", "10am to 4pm")], {day: [("10:00", "16:00")] for day in (4, 5, 6, 0)}),
    ],
)
def test_the_usual_ways_of_writing_hours_are_read(lines, week):
    read = OPENING_HOURS.read_week([{"days": days, "hours": hours} for days, hours in lines])

    assert {
        day: [(f"{o:%H:%M}", f"{c:%H:%M}") for o, c in times] for day, times in read.items() if times
    } == week


@pytest.mark.parametrize(
    "lines",
    [
        [("Saturday", "by appointment")],
        [("Monday", "9 to 5")],  # morning or evening?
        [("Bank holidays", "10am to 2pm")],  # open on bank holidays: times cannot say so
        [("Late evenings", "until 9pm")],
        [("Monday to Friday", "9am to 8pm"), ("Friday", "6pm to 9pm")],  # two times for one evening
        [("Monday", "8pm to 9am")],
    ],
)
def test_hours_that_cannot_be_read_are_not_guessed(lines):
    assert OPENING_HOURS.read_week([{"days": days, "hours": hours} for days, hours in lines]) is None


def test_hours_that_cannot_all_be_read_are_kept_word_for_word_in_the_note(site):
    clinic_details_in_text(site, [("Monday to Friday", "9am to 8pm"), ("Saturday", "by appointment")])

    migrate()

    details = ClinicSettings.objects.get(site=site)
    # None converted: half of them would show Saturday as closed.
    assert list(details.opening_hours) == []
    assert details.opening_hours_note == "Monday to Friday: 9am to 8pm\nSaturday: by appointment"


def test_going_back_turns_times_and_the_note_into_text_again(site):
    clinic_details_in_text(site, DEMO_TEXT)
    migrate()
    ClinicSettings.objects.filter(site=site).update(opening_hours_note="Home visits by arrangement.")

    old = migrate(("clinic", "0005_closure"))

    raw = old.get_model("clinic", "ClinicSettings").objects.get(site_id=site.pk).opening_hours.raw_data
    assert [(block["value"]["days"], block["value"]["hours"]) for block in raw] == [
        ("Monday to Friday", "9am to 8pm"),
        ("Saturday", "9am to 2pm"),
        ("Sunday", "Closed"),
        ("Bank holidays", "Closed"),
        ("Home visits by arrangement.", ""),
    ]
    migrate(("clinic", "0006_structured_opening_hours"))
    details = ClinicSettings.objects.get(site=site)
    assert sessions(details) == [(WEEKDAYS, "09:00", "20:00"), (["saturday"], "09:00", "14:00")]
    assert details.opening_hours_note == "Home visits by arrangement."
