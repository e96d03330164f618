"""
Log lines an operator can trust to hold no patient's details: one line per
event, tagged with the request it belongs to.

- ``RequestIdMiddleware`` gives every request an id (the proxy's ``X-Request-ID``
  when it sends a plain one, else a new one), returns it in the response's
  ``X-Request-ID`` and puts it on every log line written meanwhile.
- ``OneLineFormatter`` escapes line breaks and other control characters, so a
  value quoted in a message cannot forge a log line of its own, and writes an
  exception as its class and where it was raised, never its message: a
  database error's message can quote the row it was writing, a patient's
  details included.
"""

import logging
import re
import traceback
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

request_id = ContextVar("request_id", default="-")

# What a proxy may hand us as a request id: nginx's $request_id is 32 hex digits.
ACCEPTED_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        current = given if ACCEPTED_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = current
        token = request_id.set(current)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = current
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ("-" outside a request: the worker, cron)."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


def escape(text):
    """Control characters as visible escapes: a line break becomes the two characters \\n."""
    return CONTROL_CHARACTERS.sub(lambda match: match[0].encode("unicode_escape").decode("ascii"), text)


def describe_exception(exc_info):
    """An exception (and its causes) by class and the frames it passed through, without its message."""
    _, error, _ = exc_info
    parts = []
    while error is not None:
        frames = traceback.extract_tb(error.__traceback__)
        where = " < ".join(
            f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}" for frame in frames[::-1]
        )
        parts.append(f"{type(error).__module__}.{type(error).__qualname__} at {where or '?'}")
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return " | caused by ".join(parts)


class OneLineFormatter(logging.Formatter):
    """``2026-12-02T16:04:05Z WARNING enquiries.outbox req=3f2a… message | exception``."""

    def format(self, record):
        message = escape(record.getMessage())
        if record.exc_info:
            message += " | " + describe_exception(record.exc_info)
        when = datetime.fromtimestamp(record.created, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        request = getattr(record, "request_id", "-")
        return f"{when} {record.levelname} {record.name} req={request} {message}"
