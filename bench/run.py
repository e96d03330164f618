"""
``make bench``: how fast the site is, measured as a patient's phone meets it.

It builds a database of its own from the demo content (PostgreSQL,
``clinic_bench``), and serves the site on loopback with production settings
under gunicorn (two workers, as ``make serve``), with Redis as the shared
cache. Then, each under wrk at 16 connections:

- the home page, the treatments index and a treatment page from the page cache,
  beside a minimal WSGI app returning the same bytes from memory under the same
  gunicorn settings (the ratio says how much of the machine's capacity is left
  on the table, whatever the machine);
- every public page rendered afresh (page cache off), beside Wagtail's reference
  demo if ``BENCH_REFERENCE_COMMAND`` starts one;
- enquiries sent through the form as fast as they come, the rate limit lifted,
  then the stored rows counted against the confirmations given.

It also counts each page's database queries, cached and not, weighs what a
browser downloads (compressed, content images apart), and runs Lighthouse on
a phone profile. One table goes to the terminal and to ``bench/results.md``;
the exit status is 1 if any target is missed.
"""

import base64
import contextlib
import json
import os
import platform
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = BASE_DIR / ".bench"
RESULTS = BASE_DIR / "bench" / "results.md"

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
THREADS = 2
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clinic_bench")
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/11")
# Wagtail's reference demo (bakerydemo), if you run one: a command with {port}, and a detail page.
REFERENCE_COMMAND = os.environ.get("BENCH_REFERENCE_COMMAND", "")
REFERENCE_PATH = os.environ.get("BENCH_REFERENCE_PATH", "")
# Wagtail's bakerydemo (Wagtail 7.0.10 with its production settings, under these gunicorn
# settings), its blog detail page /blog/sliced-bread/ (23 queries), last measured beside the
# site in one run on RECORDED_REFERENCE_DATE. Used when no reference runs here: bakerydemo
# comes from GitHub, which these machines cannot reach.
RECORDED_REFERENCE = 64.9
RECORDED_REFERENCE_DATE = "2026-12-04"
# Machines of this kind differ, and a recorded reference is scaled by how fast this one runs
# Python against the one it was measured on (bench/python_speed.py, in rounds a second), so
# that "3x" means 3x on the same machine.
RECORDED_REFERENCE_PYTHON_SPEED = 486.0
GUNICORN_SETTINGS = ["--no-control-socket", "--workers", "2", "--log-level", "warning"]

CACHED_PAGES = {"Home": "/", "Treatments": "/treatments/", "Treatment": "/treatments/osteopathy/"}
UNCACHED_PAGES = {
    **CACHED_PAGES,
    "Treatment (acupuncture)": "/treatments/medical-acupuncture/",
    "Your visit (FAQ)": "/your-visit/",
    "About": "/about/",
    "Privacy notice": "/privacy/",
    "Conditions A to Z": "/conditions/",
    "Condition": "/conditions/lower-back-pain/",
    "Team": "/team/",
    "Practitioner": "/team/anya-patel/",
    "Contact": "/contact/",
    "Search results": "/search/?q=back+pain",
}
LIGHTHOUSE_PAGES = {"Home": "/", "Treatment": "/treatments/osteopathy/", "Contact": "/contact/"}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_RUNS = 3
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)

TARGET_CACHED_RATIO = 0.25
TARGET_CACHED_P99_MS = 20
TARGET_QUERIES = 8
TARGET_REFERENCE_RATIO = 3
TARGET_WEIGHT = 40 * 1024
TARGET_ENQUIRIES_PER_SECOND = 150


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_environment(**overrides):
    """Production settings on loopback without TLS, as ``make serve`` runs them."""
    return {
        "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
        "SECRET_KEY": BENCH_SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SERVE_MEDIA": "true",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **overrides,
    }


BENCH_SECRET_KEY = secrets.token_urlsafe(50)
os.environ.update(site_environment())
sys.path.insert(0, str(BASE_DIR))


@contextlib.contextmanager
def gunicorn(application, name, **environment):
    """``application`` under the bench's gunicorn settings until the block ends; yields its address."""
    port = free_port()
    log = open(WORK_DIR / f"{name}.log", "w")  # noqa: SIM115 (closed below, after the server)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", application, "--bind", f"127.0.0.1:{port}", *GUNICORN_SETTINGS],
        cwd=BASE_DIR,
        env={**os.environ, **environment},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_listening(server, url, name)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@contextlib.contextmanager
def reference_server():
    """Wagtail's reference demo, started by ``BENCH_REFERENCE_COMMAND``; yields its address."""
    port = free_port()
    log = open(WORK_DIR / "reference.log", "w")  # noqa: SIM115 (closed below, after the server)
    server = subprocess.Popen(
        REFERENCE_COMMAND.format(port=port),
        shell=True,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_listening(server, url, "reference", path=REFERENCE_PATH)
        yield url
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
        log.close()


def wait_until_listening(server, url, name, path="/"):
    import requests

    deadline = time.monotonic() + 120
    while True:
        if server.poll() is not None:
            sys.exit(f"{name} stopped as it started: see {WORK_DIR / name}.log")
        try:
            requests.get(url + path, timeout=10)
            return
        except requests.RequestException:
            if time.monotonic() > deadline:
                sys.exit(f"{name} did not answer within two minutes: see {WORK_DIR / name}.log")
            time.sleep(0.2)


@dataclass
class Load:
    """What wrk measured."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    output: str = field(repr=False)


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def load(url, script=None):
    """wrk's measure of ``url``, asked for as a browser asks: taking gzip."""
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{SECONDS}s",
        "--latency",
        "-H",
        "Accept-Encoding: gzip, deflate, br",
        url,
    ]
    if script:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Latency Distribution" not in output:
        sys.exit(f"wrk could not measure {url}:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_success = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50_ms=milliseconds(re.search(r"^\s+50%\s+(\S+)$", output, re.MULTILINE)[1]),
        p99_ms=milliseconds(re.search(r"^\s+99%\s+(\S+)$", output, re.MULTILINE)[1]),
        requests=int(re.search(r"(\d+) requests in", output)[1]),
        errors=errors + (int(non_success[1]) if non_success else 0),
        output=output,
    )


def warm(url, times=20):
    import requests

    with requests.Session() as session:
        for _ in range(times):
            session.get(url, timeout=30).raise_for_status()


# Setting up ---------------------------------------------------------------------------------


def prepare_database():
    """A database of the bench's own, built afresh from the migrations and the demo content."""
    import psycopg
    import redis

    name = urllib.parse.urlsplit(DATABASE_URL).path.lstrip("/")
    server = urllib.parse.urlsplit(DATABASE_URL)._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(CACHE_URL).flushdb()

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    # What the task worker does after a publish in production (the bench runs none).
    call_command("update_index", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def record_pages(site_url, paths):
    """Each page's bytes and headers as the site serves them, for the minimal app to repeat."""
    import requests

    pages = {}
    for path in paths:
        response = requests.get(site_url + path, headers={"Accept-Encoding": "gzip"}, stream=True, timeout=30)
        response.raise_for_status()
        body = response.raw.read(decode_content=False)
        headers = [
            [name, value]
            for name, value in response.headers.items()
            if name.lower()
            not in {"content-length", "date", "server", "connection", "x-request-id", "x-cache"}
        ]
        pages[path] = {"headers": headers, "body": base64.b64encode(body).decode()}
    recorded = WORK_DIR / "minimal-app-pages.json"
    recorded.write_text(json.dumps(pages), encoding="utf-8")
    return recorded


# What a browser downloads ---------------------------------------------------------------------


class Subresources(HTMLParser):
    """The stylesheets, scripts and preloaded fonts a page asks for (not its content images)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and (
            "stylesheet" in rel or ("preload" in rel and attrs.get("as") in {"font", "style"})
        ):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def bytes_over_the_wire(session, url):
    """The size of a response as sent to a browser that accepts compression."""
    response = session.get(url, headers={"Accept-Encoding": "br, gzip"}, stream=True, timeout=30)
    response.raise_for_status()
    return len(response.raw.read(decode_content=False))


def page_weight(site_url, path):
    """HTML, CSS, JS and fonts of a page, compressed as served; fonts found in the CSS too."""
    import requests

    with requests.Session() as session:
        html = session.get(site_url + path, timeout=30).text
        parser = Subresources()
        parser.feed(html)
        urls = {urllib.parse.urljoin(site_url + path, url) for url in parser.urls}
        for stylesheet in [url for url in urls if url.endswith(".css")]:
            css = session.get(stylesheet, timeout=30).text
            urls |= {
                urllib.parse.urljoin(stylesheet, font)
                for font in re.findall(r"url\(['\"]?([^'\")]+\.(?:woff2?|ttf|otf))", css)
            }
        return bytes_over_the_wire(session, site_url + path) + sum(
            bytes_over_the_wire(session, url) for url in sorted(urls)
        )


# Queries ------------------------------------------------------------------------------------


def query_counts(site_url, paths):
    """
    Queries for each page in this process, through the same middleware: rendered
    from nothing (the first visit after a change), rendered with the site's shared
    data kept (the route, the clinic's details, the menu), and from the page cache.
    """
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    host = urllib.parse.urlsplit(site_url).netloc
    client = Client(HTTP_HOST=host)
    counts = {}
    for path in paths:
        # Each count is read as its block ends: the next request empties Django's query log.
        with override_settings(PAGE_CACHE_ENABLED=False, SITE_DATA_CACHE_ENABLED=False):
            client.get(path)
            with CaptureQueriesContext(connection) as cold:
                response = client.get(path)
            cold_queries = len(cold)
        with override_settings(PAGE_CACHE_ENABLED=False):
            client.get(path)
            with CaptureQueriesContext(connection) as fresh:
                client.get(path)
            fresh_queries = len(fresh)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code} in the bench process")
        client.get(path)  # kept, if the page may be
        with CaptureQueriesContext(connection) as cached:
            response = client.get(path)
        cached_queries = len(cached)
        counts[path] = (
            cold_queries,
            fresh_queries,
            cached_queries if response.get("X-Cache") == "HIT" else None,
        )
    return counts


# Enquiries ----------------------------------------------------------------------------------

ENQUIRY_SCRIPT = """
-- Each request a new enquiry: a token of its own, the same person's form otherwise.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "{cookie}"
wrk.headers["Origin"] = "{origin}"
local threads = {{}}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  accepted = 0
  refused = 0
end

function request()
  counter = counter + 1
  local token = string.format("{prefix}-%04x-4{middle}-%012x", number, counter)
  return wrk.format(nil, "{path}", nil, "{body_start}" .. token .. "{body_end}")
end

function response(status, headers, body)
  if status == 302 and string.find(headers["Location"] or "", "/enquiries/sent/", 1, true) then
    accepted = accepted + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local a, r = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    r = r + thread:get("refused")
  end
  io.write(string.format("ACCEPTED %d\\nREFUSED %d\\n", a, r))
end
"""


def enquiry_script(site_url):
    """
    A wrk script sending the contact page's form, filled in as a person would,
    after waiting as long as a person must (the form's minimum time to fill).
    """
    import requests

    from django.conf import settings

    with requests.Session() as session:
        response = session.get(site_url + "/contact/", timeout=30)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', response.text))
    cookie = response.headers["Set-Cookie"].split(";", 1)[0]
    time.sleep(settings.ENQUIRIES_MIN_SECONDS_TO_FILL + 0.5)
    data = {
        "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
        "started": fields["started"],
        "source": "/contact/",
        "website": "",
        "name": "Ada Patient",
        "email": "ada@example.com",
        "phone": "",
        "preferred_contact": "email",
        "treatment": "",
        "message": "My lower back has been stiff for two weeks. Could osteopathy help?",
        "warning_sign": "no",
    }
    body = urllib.parse.urlencode({**data, "token": "TOKEN"})
    body_start, body_end = body.split("TOKEN")
    script = WORK_DIR / "enquiry.lua"
    script.write_text(
        ENQUIRY_SCRIPT.format(
            cookie=cookie,
            origin=site_url,
            prefix=secrets.token_hex(4),
            middle=secrets.token_hex(2)[:3] + "-8" + secrets.token_hex(2)[:3],
            path="/enquiries/send/",
            body_start=body_start,
            body_end=body_end,
        )
    )
    return script


def send_enquiries(site_url):
    from enquiries.models import Enquiry

    script = enquiry_script(site_url)
    before = Enquiry.objects.count()
    result = load(site_url + "/enquiries/send/", script)
    accepted = int(re.search(r"ACCEPTED (\d+)", result.output)[1])
    refused = int(re.search(r"REFUSED (\d+)", result.output)[1])
    time.sleep(1)  # the last requests in flight when wrk stopped
    stored = Enquiry.objects.count() - before
    return result, accepted, refused, stored


# Lighthouse ---------------------------------------------------------------------------------


def lighthouse_cli():
    cli = WORK_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(WORK_DIR),
                "lighthouse@12",
            ],
            check=True,
        )
    return cli


def lighthouse(site_url, name, path):
    """
    Lighthouse's four scores for a page on its default phone profile (simulated
    slow 4G): the median of each over LIGHTHOUSE_RUNS runs, as Lighthouse's
    guidance on variability advises, since one run can catch the machine
    pausing (a long task that is not the page's). Each run's report is kept in
    .bench/.
    """
    runs = [
        lighthouse_run(site_url, f"{name.lower()}-{number}", path) for number in range(1, LIGHTHOUSE_RUNS + 1)
    ]
    return {category: statistics.median(run[category] for run in runs) for category in LIGHTHOUSE_CATEGORIES}


def lighthouse_run(site_url, report_name, path, attempts=3):
    """One run's scores, tried again if Chromium's trace of the load comes back broken, as it can."""
    report = WORK_DIR / f"lighthouse-{report_name}.json"
    for attempt in range(1, attempts + 1):
        with tempfile.TemporaryDirectory() as profile:
            run = subprocess.run(
                [
                    "node",
                    str(lighthouse_cli()),
                    site_url + path,
                    "--quiet",
                    "--output=json",
                    f"--output-path={report}",
                    f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                    f"--chrome-flags={CHROMIUM_FLAGS} --user-data-dir={profile}/chromium",
                ],
                env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                capture_output=True,
                text=True,
                timeout=300,
            )
        if run.returncode == 0:
            categories = json.loads(report.read_text())["categories"]
            return {
                category: round(categories[category]["score"] * 100) for category in LIGHTHOUSE_CATEGORIES
            }
        print(f"  Lighthouse on {path} failed (attempt {attempt}): {run.stderr.strip()[-200:]}", flush=True)
    sys.exit(f"Lighthouse could not measure {path}")


# Reporting ----------------------------------------------------------------------------------


def measure_python_speed():
    """bench/python_speed.py's rate, in a fresh process, before any load: the best of three."""
    command = [sys.executable, str(BASE_DIR / "bench" / "python_speed.py")]
    return max(float(subprocess.check_output(command, cwd=BASE_DIR, text=True)) for _ in range(3))


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return f"{cpu}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start"


def versions():
    import django

    import wagtail

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=BASE_DIR
    )
    return (
        f"Python {platform.python_version()}, Django {django.get_version()}, Wagtail {wagtail.__version__}, "
        f"commit {commit.stdout.strip() or 'unknown'}"
    )


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main():
    WORK_DIR.mkdir(exist_ok=True)
    started = datetime.now(UTC)
    context = machine()
    print("How fast this machine runs Python...", flush=True)
    python_speed = measure_python_speed()
    print("Building the bench database from the demo content...", flush=True)
    prepare_database()
    misses = []
    rows = []

    print("Page cache: warming and loading the cached pages...", flush=True)
    with gunicorn("clinic.wsgi:application", "site-cached") as site:
        for path in CACHED_PAGES.values():
            warm(site + path)
        cached = {name: load(site + path) for name, path in CACHED_PAGES.items()}
        recorded = record_pages(site, CACHED_PAGES.values())
        queries = query_counts(site, UNCACHED_PAGES.values())
        weight = {name: page_weight(site, path) for name, path in LIGHTHOUSE_PAGES.items()}
        print("Lighthouse...", flush=True)
        scores = {name: lighthouse(site, name, path) for name, path in LIGHTHOUSE_PAGES.items()}

    print("The same bytes from a minimal WSGI app...", flush=True)
    with gunicorn("bench.minimal_app:application", "minimal", MINIMAL_APP_PAGES=str(recorded)) as minimal:
        for path in CACHED_PAGES.values():
            warm(minimal + path)
        baseline = {name: load(minimal + path) for name, path in CACHED_PAGES.items()}

    for name, path in CACHED_PAGES.items():
        result, floor = cached[name], baseline[name]
        ratio = result.requests_per_second / floor.requests_per_second
        warm_queries = queries[path][2]
        rows.append(
            [
                f"{name} (cached)",
                f"{result.requests_per_second:,.0f}",
                f"{result.p50_ms:.1f}",
                f"{result.p99_ms:.1f}",
                warm_queries if warm_queries is not None else "not cached",
                f"{weight[name] / 1024:.1f} KB" if name in weight else "",
                f"{ratio:.0%} of minimal app ({floor.requests_per_second:,.0f} req/s)",
            ]
        )
        if ratio < TARGET_CACHED_RATIO:
            misses.append(f"{name} from the cache at {ratio:.0%} of the minimal app (target 25%)")
        if result.p99_ms >= TARGET_CACHED_P99_MS:
            misses.append(f"{name} from the cache: p99 {result.p99_ms:.1f} ms (target under 20 ms)")
        if warm_queries != 0:
            misses.append(f"{name} from the cache: {warm_queries} queries (target 0)")
        if result.errors:
            misses.append(f"{name} from the cache: {result.errors} errors")

    if REFERENCE_COMMAND and REFERENCE_PATH:
        print("Wagtail's reference demo...", flush=True)
        with reference_server() as reference_url:
            warm(reference_url + REFERENCE_PATH)
            reference = load(reference_url + REFERENCE_PATH)
        reference_rate = reference.requests_per_second
        reference_note = (
            f"Wagtail's bakerydemo {REFERENCE_PATH}, measured in this run: {reference_rate:,.1f} req/s, "
            f"with this machine running bench/python_speed.py at {python_speed:,.0f} rounds a second "
            "(the two figures to record in bench/run.py for runs without it)"
        )
    else:
        speed = python_speed / RECORDED_REFERENCE_PYTHON_SPEED
        reference_rate = RECORDED_REFERENCE * speed
        reference_note = (
            f"Wagtail's bakerydemo blog page as measured beside the site on a machine of this kind on "
            f"{RECORDED_REFERENCE_DATE} ({RECORDED_REFERENCE:.1f} req/s), scaled by how fast this machine "
            f"runs Python against that one (bench/python_speed.py: {python_speed:,.0f} rounds a second "
            f"here, {RECORDED_REFERENCE_PYTHON_SPEED:,.0f} there, x{speed:.2f}): {reference_rate:.0f} req/s. "
            "Set BENCH_REFERENCE_COMMAND to measure it in the same run"
        )

    print("Every page rendered afresh (page cache off)...", flush=True)
    with gunicorn(
        "clinic.wsgi:application",
        "site-uncached",
        PAGE_CACHE_ENABLED="false",
        ENQUIRIES_RATE_LIMIT="100000000/60",
    ) as site:
        for name, path in UNCACHED_PAGES.items():
            warm(site + path, times=5)
            result = load(site + path)
            ratio = result.requests_per_second / reference_rate
            cold_queries, fresh_queries, _ = queries[path]
            rows.append(
                [
                    f"{name} (rendered)",
                    f"{result.requests_per_second:,.0f}",
                    f"{result.p50_ms:.1f}",
                    f"{result.p99_ms:.1f}",
                    f"{cold_queries} cold, {fresh_queries} warm",
                    "",
                    f"{ratio:.1f}x reference",
                ]
            )
            if cold_queries > TARGET_QUERIES:
                misses.append(f"{name} rendered with {cold_queries} queries (target at most 8)")
            if ratio < TARGET_REFERENCE_RATIO:
                misses.append(f"{name} rendered at {ratio:.1f}x the reference (target 3x)")
            if result.errors:
                misses.append(f"{name} rendered: {result.errors} errors")
        print("Enquiries...", flush=True)
        result, accepted, refused, stored = send_enquiries(site)

    rows.append(
        [
            "Enquiry sent (POST)",
            f"{result.requests_per_second:,.0f}",
            f"{result.p50_ms:.1f}",
            f"{result.p99_ms:.1f}",
            "",
            "",
            f"{accepted:,} confirmed, {stored:,} stored, {refused + result.errors} errors",
        ]
    )
    if result.requests_per_second < TARGET_ENQUIRIES_PER_SECOND:
        misses.append(f"enquiries at {result.requests_per_second:.0f} a second (target 150)")
    if refused or result.errors:
        misses.append(f"enquiries: {refused + result.errors} errors")
    if stored < accepted:
        misses.append(f"enquiries: {accepted - stored} confirmed but not stored")

    for name, path in LIGHTHOUSE_PAGES.items():
        if name in weight and weight[name] >= TARGET_WEIGHT:
            misses.append(f"{name} weighs {weight[name] / 1024:.1f} KB (target under 40 KB)")
        for category, score in scores[name].items():
            if score < 100:
                misses.append(f"Lighthouse {category} {score} on {name} {path}")

    report = "\n\n".join(
        [
            f"# make bench, {started:%Y-%m-%d %H:%M} UTC",
            f"Machine: {context}. {versions()}. gunicorn {' '.join(GUNICORN_SETTINGS)}; "
            f"wrk {THREADS} threads, {CONNECTIONS} connections, {SECONDS} s per row, taking gzip; "
            "PostgreSQL and Redis on loopback.",
            table(["Page", "req/s", "p50 ms", "p99 ms", "queries", "weight", "ratio"], rows),
            f"Reference: {reference_note}. Queries: cold is the first visit after a change, warm once "
            "the site data, the page and what it lists are kept (pagecache/shared_data.py; the one "
            "query left checks the page is still live at the same revision). Weight: HTML, CSS, JS "
            "and fonts as sent compressed, content images apart.",
            table(
                [
                    f"Lighthouse (mobile, median of {LIGHTHOUSE_RUNS})",
                    *(category.replace("-", " ") for category in LIGHTHOUSE_CATEGORIES),
                ],
                [[f"{name} {path}", *scores[name].values()] for name, path in LIGHTHOUSE_PAGES.items()],
            ),
            "Targets: " + ("all met." if not misses else "missed: " + "; ".join(misses) + "."),
        ]
    )
    RESULTS.write_text(report + "\n", encoding="utf-8")
    print("\n" + report + f"\n\n(written to {RESULTS.relative_to(BASE_DIR)})")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
