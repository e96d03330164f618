"""
The database refusing connections while a patient presses Send.

The default connection is pointed at a loopback port where nothing listens, so
PostgreSQL really refuses it, and pointed back afterwards. These tests are
transactional: a connection cannot be closed inside the transaction that wraps
an ordinary test.
"""

import logging

import pytest

from django.utils.html import escape

from enquiries.models import Enquiry
from tests.enquiries.builders import (
    PATIENT_EMAIL,
    PATIENT_NAME,
    PATIENT_PHONE,
    patient_words_in,
    send_enquiry,
)
from tests.outages import database_refusing_connections

MESSAGE = "My back hurts when I bend <script>alert(1)</script>\nand when I sit for long."
CLINIC_PHONE = "020 8220 4254"  # settings.CLINIC_FALLBACK_CONTACT, which needs no database


# "osteopathy": checking the chosen treatment is the first thing to need the
# database; with none chosen, the first is the save.
@pytest.mark.parametrize("treatment", ["", "osteopathy"])
def test_database_down_gives_a_calm_page_with_what_was_typed(transactional_db, client, caplog, treatment):
    with database_refusing_connections(), caplog.at_level(logging.INFO):
        response = send_enquiry(client, message=MESSAGE, treatment=treatment)

    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Sorry, your message has not been sent" in page
    for typed in (PATIENT_NAME, PATIENT_EMAIL, PATIENT_PHONE):
        assert escape(typed) in page
    assert (
        "My back hurts when I bend &lt;script&gt;alert(1)&lt;/script&gt;<br>and when I sit for long." in page
    )
    assert "<script>" not in page
    assert CLINIC_PHONE in page
    assert 'href="tel:+442082204254"' in page
    assert "Traceback" not in page
    assert "OperationalError" not in page
    # The log says what failed, never what the patient wrote.
    assert "database is unavailable" in caplog.text
    assert patient_words_in(caplog.text) == []

    # The connection is whole again, and nothing half-stored.
    assert not Enquiry.objects.exists()
