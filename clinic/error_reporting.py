"""
Optional error reporting to Sentry (``SENTRY_DSN``), with nothing of a patient's
in what leaves the server.

An event keeps what a developer needs to find the fault (the exception's class,
the stack of code it passed through, the path and method of the request, the
release) and loses what could hold a patient's details: request bodies,
cookies, headers and query strings, the user, local variables, exception and
log messages and their arguments, and SQL.
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

KEPT_REQUEST_FIELDS = ("method", "url")
DROPPED_EVENT_FIELDS = ("user", "extra", "contexts", "server_name", "modules")


def scrub_event(event, hint=None):
    request = event.get("request") or {}
    event["request"] = {
        field: request[field].split("?", 1)[0] if field == "url" else request[field]
        for field in KEPT_REQUEST_FIELDS
        if field in request
    }
    for field in DROPPED_EVENT_FIELDS:
        event.pop(field, None)
    for exception in (event.get("exception") or {}).get("values", []):
        exception["value"] = ""  # the message: a database error's can quote a row
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    if "logentry" in event:
        event["logentry"] = {"message": event["logentry"].get("message", "")}
    event.pop("message", None)
    event["breadcrumbs"] = {"values": []}
    return event


def scrub_breadcrumb(breadcrumb, hint=None):
    return None  # log lines, SQL and HTTP calls can all quote what they handled


def start(dsn, environment, transport=None):
    sentry_sdk.init(
        dsn=dsn,
        transport=transport,
        environment=environment,
        integrations=[DjangoIntegration()],
        # Collect none of what could be a patient's; scrub_event makes sure of the rest.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "off"}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "queues": False,
            "stack_frame_variables": False,
        },
        max_request_body_size="never",
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        traces_sample_rate=0,
    )
