"""
The fastest a Python web app can answer under gunicorn: each page's bytes and
headers, recorded from the site, returned from memory. ``make bench`` serves it
with the site's own gunicorn settings and divides the site's throughput by its
throughput, so the ratio says how much of the server's capacity the page cache
leaves unused, whatever the machine.

The recorded pages are a JSON file named by ``MINIMAL_APP_PAGES``:
``{path: {"headers": [[name, value], ...], "body": base64 of the bytes sent}}``
(compressed, as the site sends them to a browser).
"""

import base64
import json
import os

with open(os.environ["MINIMAL_APP_PAGES"], encoding="utf-8") as recorded:
    PAGES = {
        path: ([(name, value) for name, value in page["headers"]], base64.b64decode(page["body"]))
        for path, page in json.load(recorded).items()
    }
NOT_FOUND = ([("Content-Type", "text/plain")], b"Not found")


def application(environ, start_response):
    headers, body = PAGES.get(environ["PATH_INFO"], NOT_FOUND)
    status = "200 OK" if environ["PATH_INFO"] in PAGES else "404 Not Found"
    start_response(status, [*headers, ("Content-Length", str(len(body)))])
    return [body]
