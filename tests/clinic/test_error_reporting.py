"""Error reports to Sentry carry the fault, and nothing of the patient it happened to."""

import json

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

from clinic.error_reporting import scrub_event, start

PATIENT = ["Zebediah", "sciatica-flare-7731", "knee clicks", "session-secret"]


@pytest.fixture
def reports():
    """Sentry started as production starts it, with its events kept here instead of sent."""
    sent = []

    class Keep(Transport):
        def capture_envelope(self, envelope):
            sent.append(envelope)

    start("https://public@sentry.example.invalid/1", environment="test", transport=Keep)
    yield sent
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: reporting off again for the other tests


@pytest.mark.django_db
@pytest.mark.urls("tests.clinic.error_urls")
def test_a_server_error_is_reported_without_the_patients_details(client, reports):
    client.raise_request_exception = False
    client.cookies["sessionid"] = "session-secret"

    response = client.post(
        "/fails/?q=Zebediah",
        {
            "name": "Zebediah Quennell",
            "email": "sciatica-flare-7731@patient.example",
            "message": "knee clicks",
        },
        HTTP_USER_AGENT="sciatica-flare-7731",
    )

    assert response.status_code == 500
    [event] = [item.payload.json for envelope in reports for item in envelope.items if item.type == "event"]
    text = json.dumps(event)
    assert [word for word in PATIENT if word.lower() in text.lower()] == []
    [error] = event["exception"]["values"]
    assert error["type"] == "ValueError"
    assert any(frame["function"] == "fails" for frame in error["stacktrace"]["frames"])
    assert set(event["request"]) <= {"method", "url"}


def test_a_request_keeps_only_its_method_and_path():
    event = {
        "request": {
            "method": "POST",
            "url": "https://www.clinic.example/admin/enquiries/?q=Zebediah",
            "query_string": "q=Zebediah",
            "headers": {"User-Agent": "x", "Cookie": "sessionid=session-secret"},
            "cookies": {"sessionid": "session-secret"},
            "data": {"message": "knee clicks"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
        "user": {"email": "sciatica-flare-7731@patient.example"},
        "logentry": {"message": "Saving %s", "params": ["Zebediah"], "formatted": "Saving Zebediah"},
        "breadcrumbs": {"values": [{"category": "query", "message": "SELECT … 'Zebediah'"}]},
    }

    scrubbed = scrub_event(event)

    assert scrubbed["request"] == {"method": "POST", "url": "https://www.clinic.example/admin/enquiries/"}
    assert scrubbed["logentry"] == {"message": "Saving %s"}
    assert "Zebediah" not in json.dumps(scrubbed) and "session-secret" not in json.dumps(scrubbed)
