"""Log lines: one per event, tagged with their request, and never carrying a patient's words."""

import logging

import pytest

from clinic.logs import OneLineFormatter, RequestIdFilter
from tests.enquiries.factories import post_enquiry, valid_form_data


def formatted(message, *args, exc_info=None):
    record = logging.LogRecord("clinic.test", logging.WARNING, __file__, 1, message, args, exc_info)
    RequestIdFilter().filter(record)
    return OneLineFormatter().format(record)


def test_line_breaks_in_a_logged_value_cannot_forge_another_line():
    line = formatted("Refused %s", "x\r\n2026-12-02T00:00:00Z ERROR clinic.fake req=- forged\u2028more")

    assert "\n" not in line and "\r" not in line and "\u2028" not in line
    assert line.endswith("Refused x\\r\\n2026-12-02T00:00:00Z ERROR clinic.fake req=- forged\\u2028more")


def test_an_exception_is_logged_by_class_and_place_never_by_its_message():
    try:
        try:
            raise ValueError("Key (email)=(zebediah@patient.example) already exists")
        except ValueError as error:
            raise RuntimeError("could not store Zebediah's enquiry") from error
    except RuntimeError as error:
        line = formatted("Saving failed", exc_info=(type(error), error, error.__traceback__))

    assert "\n" not in line
    assert "builtins.RuntimeError at test_logs.py:" in line
    assert "caused by builtins.ValueError at test_logs.py:" in line
    assert "zebediah" not in line.lower()


@pytest.fixture
def log_lines():
    """Every line the enquiry views log, formatted as in production."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(OneLineFormatter())
    logger = logging.getLogger("enquiries.views")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    yield lines
    logger.setLevel(previous)
    logger.removeHandler(handler)


@pytest.mark.django_db
def test_every_response_names_its_request_and_the_log_lines_carry_the_same_id(client, log_lines):
    response = post_enquiry(client, valid_form_data(website="I am a bot"))  # logged, then discarded

    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    assert log_lines == [
        f"{log_lines[0][:20]} INFO enquiries.views req={request_id} An enquiry was discarded as automated."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sent", "kept"),
    [("0f8fad5bd9cb469fa16570867728950e", True), ("bad\nid", False), ("x" * 65, False), ("short", False)],
)
def test_a_proxys_plain_request_id_is_kept_and_anything_else_replaced(client, sent, kept):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=sent)

    assert (response["X-Request-ID"] == sent) is kept
