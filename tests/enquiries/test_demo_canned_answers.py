"""The demo canned answers (`manage.py load_demo_canned_answers`, run by `make run`)."""

from io import StringIO

import pytest

from django.core.management import call_command

from enquiries.canned_answers import PLACEHOLDER_PATTERN, unknown_placeholders
from enquiries.models import CannedAnswer

pytestmark = pytest.mark.django_db


def load():
    out = StringIO()
    call_command("load_demo_canned_answers", stdout=out)
    return out.getvalue()


def test_loading_adds_the_answers_once_and_keeps_staffs_changes():
    assert "added: 3; already there: 0" in load()
    CannedAnswer.objects.filter(title="Offer an appointment").update(text="Our own words, {first_name}.")

    assert "added: 0; already there: 3" in load()
    assert CannedAnswer.objects.get(title="Offer an appointment").text == "Our own words, {first_name}."


def test_every_demo_answer_uses_known_placeholders_and_passes_the_admins_checks():
    load()

    for answer in CannedAnswer.objects.all():
        assert unknown_placeholders(answer.text) == [], answer.title
        assert PLACEHOLDER_PATTERN.search(answer.text), answer.title  # each is made for the patient
        answer.full_clean()
