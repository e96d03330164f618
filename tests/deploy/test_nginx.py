"""
The nginx site in docs/deploy.md ("5. nginx in front") does what the guide says
it does, run for real: Debian's nginx, with the block read out of the guide, in
front of the app under gunicorn with production settings, all on the loopback.

The block is changed only where a test machine must differ from the server: the
ports, the certificate (a throwaway one made here), the folders of the uploads
and the maintenance page, the app's port and the access log. Everything else is
as an operator copies it.
"""

import ipaddress
import re
import socket
import subprocess
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from clinic.models import ClinicSettings
from clinic.settings.base import STORAGES as PRODUCTION_STORAGES
from enquiries.models import Enquiry
from tests.app_servers import app_server, security_token, send_enquiry
from tests.ports import free_port_below_ephemeral_range
from tests.redis_databases import redis_url

GUIDE = Path(settings.BASE_DIR) / "docs" / "deploy.md"
NGINX = "/usr/sbin/nginx"  # Debian's package, which scripts/ensure-test-services installs
HOST = "127.0.0.1"
REDIS = redis_url(0)
MEGABYTE = 1024 * 1024

# The app reads and writes the test database. Marked, a run of this module alone
# still has pytest-django set that database up.
pytestmark = pytest.mark.django_db


def the_guides_nginx_site():
    """The site file of the guide's "5. nginx in front", as an operator copies it."""
    section = GUIDE.read_text().split("## 5. nginx in front", 1)[1].split("\n## ", 1)[0]
    return section.split("```nginx\n", 1)[1].split("```", 1)[0]


def the_guides_setting(name):
    """A variable's value in the guide's environment file (/etc/clinic/clinic.env)."""
    return re.search(rf"^{name}=(\S+)", GUIDE.read_text(), flags=re.MULTILINE)[1]


def replace(text, old, new):
    assert old in text, f"docs/deploy.md's nginx site no longer has {old!r}: update the substitutions here."
    return text.replace(old, new)


@dataclass
class Nginx:
    """nginx serving the guide's site from a folder of its own, and the files in that folder."""

    http_port: int
    https_port: int
    app_port: int
    folder: Path

    @property
    def http(self):
        return f"http://{HOST}:{self.http_port}"

    @property
    def https(self):
        return f"https://{HOST}:{self.https_port}"

    @property
    def certificate(self):
        return self.folder / "fullchain.pem"

    @property
    def key(self):
        return self.folder / "privkey.pem"

    @property
    def media(self):
        return self.folder / "media"

    @property
    def maintenance_page(self):
        return self.folder / "www" / "maintenance.html"

    @property
    def access_log(self):
        """The site's own access log (the guide's /var/log/nginx/clinic.access.log)."""
        return self.folder / "clinic.access.log"

    @property
    def site_error_log(self):
        """The site's own error log (the guide's /var/log/nginx/clinic.error.log)."""
        return self.folder / "clinic.error.log"

    @property
    def default_access_log(self):
        """Debian's /var/log/nginx/access.log, for any request the site does not log itself."""
        return self.folder / "access.log"

    def site(self):
        """The guide's site file, with this machine's ports and paths."""
        site = the_guides_nginx_site()
        for old, new in [
            ("listen 80;", f"listen {HOST}:{self.http_port};"),
            ("listen 443 ", f"listen {HOST}:{self.https_port} "),
            # Loopback only, and this machine may have no IPv6.
            ("listen [::]:80;", ""),
            ("listen [::]:443 ssl http2;", ""),
            ("/var/log/nginx/clinic.error.log", str(self.site_error_log)),
            ("/etc/letsencrypt/live/www.clayhallosteopath.com/fullchain.pem", str(self.certificate)),
            ("/etc/letsencrypt/live/www.clayhallosteopath.com/privkey.pem", str(self.key)),
            ("/var/log/nginx/clinic.access.log", str(self.access_log)),
            ("server 127.0.0.1:8000;", f"server {HOST}:{self.app_port};"),
            ("/srv/clinic/media/", f"{self.media}/"),
            ("/var/www/clinic", str(self.maintenance_page.parent)),
        ]:
            site = replace(site, old, new)
        return site

    def configuration(self, site_file):
        """
        Debian's /etc/nginx/nginx.conf, cut down to what the site relies on, with
        everything it writes kept in the folder; the site file goes inside http {},
        as sites-enabled/ does.
        """
        temporary_files = "\n    ".join(
            f"{kind}_temp_path {self.folder / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        return f"""
# Workers as root can read the test's private folders (nginx ignores this unless started as root).
user root;
# One worker, which writes the log lines in the order it answers.
worker_processes 1;
daemon off;
pid {self.folder / "nginx.pid"};
error_log {self.folder / "error.log"};
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.default_access_log};
    {temporary_files}
    include {site_file};
}}
"""

    def access_line(self, request_id):
        """The site's access-log line for the request nginx gave this id (written as it answers)."""
        deadline = time.monotonic() + 5
        while True:
            lines = [line for line in self.access_log.read_text().splitlines() if f"req={request_id}" in line]
            if lines:
                return lines[0]
            assert time.monotonic() < deadline, f"no access-log line with req={request_id}"
            time.sleep(0.01)


def write_self_signed_certificate(certificate, key):
    """A certificate for 127.0.0.1, good for a day, and its key: what certbot would have written."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.now(UTC)
    signed = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]), critical=False
        )
        # Its own issuer: OpenSSL trusts a self-signed certificate only as an authority.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(private_key, hashes.SHA256())
    )
    certificate.write_bytes(signed.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )


def wait_until_listening(server, port):
    deadline = time.monotonic() + 10
    while True:
        assert server.poll() is None, f"nginx stopped as it started (exit status {server.returncode})"
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, "nginx did not start within ten seconds"
            time.sleep(0.02)


@pytest.fixture(scope="session")
def nginx(tmp_path_factory):
    """
    nginx serving the guide's site. Session-scoped rather than module-scoped:
    pytest-django runs this module's transactional tests apart from its others,
    and nginx and the app should start once.
    """
    if not Path(NGINX).exists():
        pytest.fail(
            f"nginx is missing ({NGINX}): run 'sudo apt-get install nginx' (make test does it as root).",
            pytrace=False,
        )
    ports = set()
    while len(ports) < 3:
        ports.add(free_port_below_ephemeral_range())
    http_port, https_port, app_port = ports
    proxy = Nginx(http_port, https_port, app_port, folder=tmp_path_factory.mktemp("nginx"))
    write_self_signed_certificate(proxy.certificate, proxy.key)
    proxy.media.mkdir()
    proxy.maintenance_page.parent.mkdir()
    site_file = proxy.folder / "clinic.conf"
    site_file.write_text(proxy.site())
    configuration = proxy.folder / "nginx.conf"
    configuration.write_text(proxy.configuration(site_file))

    command = [NGINX, "-c", str(configuration), "-p", str(proxy.folder)]
    check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx refuses the guide's site:\n{check.stderr}"
    server = subprocess.Popen(command)
    try:
        wait_until_listening(server, proxy.https_port)
        yield proxy
    finally:
        server.terminate()
        server.wait(timeout=10)


class App:
    """
    The app under gunicorn on the port the site's upstream names: started when a
    test first needs it, and stopped for a test that needs it down (which comes
    first in this module, so that it never has to start twice).
    """

    def __init__(self, port, environment):
        self.port = port
        self.environment = environment
        self.running = None

    def start(self):
        if self.running is None:
            self.running = ExitStack()
            self.running.enter_context(app_server(self.port, **self.environment))

    def stop(self):
        if self.running is not None:
            self.running.close()
            self.running = None


@pytest.fixture(scope="session")
def app(nginx, django_db_setup, tmp_path_factory):
    """
    The app as the guide's clinic-web service runs it: production settings, the
    proxy settings of the guide's environment file, static files collected for
    WhiteNoise, uploads in the folder nginx serves them from.
    """
    static_root = tmp_path_factory.mktemp("static")
    # Production keeps base's storages (hashed, compressed files and their manifest);
    # collected here rather than by manage.py, which would take seconds to start.
    with override_settings(
        STATIC_ROOT=static_root,
        STORAGES={**settings.STORAGES, "staticfiles": PRODUCTION_STORAGES["staticfiles"]},
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    cache_prefix = f"test-nginx-{uuid.uuid4().hex[:8]}"
    server = App(
        nginx.app_port,
        {
            "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
            # The tests' own key, so that the form start times signed here are believed.
            "SECRET_KEY": settings.SECRET_KEY,
            "ALLOWED_HOSTS": HOST,
            # As the guide sets it: nginx passes the host without its port, which the origin has.
            "CSRF_TRUSTED_ORIGINS": nginx.https,
            "CACHE_URL": REDIS,
            "CACHE_KEY_PREFIX": cache_prefix,
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(nginx.media),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "ENQUIRIES_RATE_LIMIT": "2/600",
            # The tests put whole database snapshots back behind the app's back, with
            # none of the signals that tell it its site, routes and menu changed.
            "SITE_DATA_CACHE_ENABLED": "false",
            **{
                name: the_guides_setting(name)
                for name in (
                    "SECURE_PROXY_SSL_HEADER",
                    "ENQUIRIES_CLIENT_IP_HEADER",
                    "ENQUIRIES_TRUSTED_PROXY_COUNT",
                )
            },
        },
    )
    yield server
    server.stop()
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{cache_prefix}:*"):
        client.delete(key)


@pytest.fixture
def running_app(app):
    app.start()
    return app


@pytest.fixture
def stopped_app(app):
    app.stop()
    return app


@pytest.fixture
def visitor(nginx):
    """A client that trusts the throwaway certificate and keeps its cookies, as a browser would."""
    session = requests.Session()
    session.verify = str(nginx.certificate)
    session.trust_env = False  # REQUESTS_CA_BUNDLE in the environment would win over verify
    return session


def test_no_log_line_carries_a_query_string_while_the_app_is_down(nginx, stopped_app, visitor):
    call_command("write_maintenance_page", str(nginx.maintenance_page), verbosity=0)

    response = visitor.get(nginx.https + "/admin/enquiries/?q=Jane+Patient", timeout=10)

    assert response.status_code == 502
    deadline = time.monotonic() + 5  # the line is written as nginx answers (for the maintenance page)
    while '" 502 ' not in nginx.access_log.read_text():
        assert time.monotonic() < deadline, "no access-log line for the request"
        time.sleep(0.01)
    for log in nginx.folder.glob("*.log"):
        assert "Jane" not in log.read_text(), log.name


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/contact/"), ("POST", "/enquiries/send/")], ids=["page", "enquiry"]
)
def test_patients_get_the_phone_number_while_the_app_is_down(nginx, stopped_app, visitor, site, method, path):
    details = ClinicSettings.for_site(site)
    details.phone = "020 7946 0000"
    details.save()
    call_command("write_maintenance_page", str(nginx.maintenance_page), verbosity=0)

    response = visitor.request(method, nginx.https + path, timeout=10)

    assert response.status_code == 502  # nginx could not connect to the app
    assert 'href="tel:+442079460000">020 7946 0000</a>' in response.text
    assert response.headers["Content-Type"] == "text/html"
    assert response.headers["Cache-Control"] == "no-store"


def test_plain_http_is_redirected_to_https(nginx, visitor):
    response = visitor.get(nginx.http + "/contact/?from=leaflet", allow_redirects=False, timeout=10)

    assert response.status_code == 301
    assert response.headers["Location"] == f"https://{HOST}/contact/?from=leaflet"


def test_the_app_knows_a_request_through_nginx_came_over_https(nginx, running_app, visitor, demo_site_live):
    response = visitor.get(nginx.https + "/", allow_redirects=False, timeout=10)

    # Not the app's own redirect to HTTPS (SECURE_SSL_REDIRECT), which would loop for ever.
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_a_forged_x_forwarded_for_does_not_escape_the_enquiry_rate_limit(
    nginx, running_app, visitor, demo_site_live
):
    forged = ["203.0.113.1", "203.0.113.2", "198.51.100.7, 203.0.113.3"]

    statuses = [
        send_enquiry(nginx.https, visitor, **{"X-Forwarded-For": address}).status_code for address in forged
    ]

    # The limit is two (ENQUIRIES_RATE_LIMIT above): every enquiry counted as from one client.
    assert statuses == [302, 302, 429]
    assert Enquiry.objects.count() == 2


def test_the_app_answers_with_the_request_id_nginx_logs(nginx, running_app, visitor):
    response = visitor.get(
        nginx.https + "/healthz", headers={"X-Request-ID": "made-up-by-the-client"}, timeout=10
    )

    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id, not the client's
    assert '"GET /healthz" 200' in nginx.access_line(request_id)


def test_a_body_over_the_limit_is_refused_by_nginx(nginx, running_app, visitor):
    response = visitor.post(nginx.https + "/enquiries/send/", data=b"x" * (13 * MEGABYTE), timeout=30)

    assert response.status_code == 413
    assert "X-Request-ID" not in response.headers  # the app never saw it


def test_a_body_the_size_of_an_image_upload_is_passed_to_the_app(nginx, running_app, visitor):
    sign_in = nginx.https + "/admin/login/"
    token = security_token(visitor, sign_in)

    # The sign-in form sent back with a 10 MB image and no name: the app reads the
    # whole form, then shows it again. (A body the app left unread would have it
    # close the connection while nginx was still sending: a 502 now and then.)
    response = visitor.post(
        sign_in,
        data={"csrfmiddlewaretoken": token},
        files={"image": ("spine.jpg", b"x" * (10 * MEGABYTE))},
        headers={"Origin": nginx.https},
        timeout=30,
    )

    assert response.status_code == 200
    assert "X-Request-ID" in response.headers  # the app's answer, not nginx's


def test_uploaded_images_are_served_with_nosniff_and_a_sandbox(nginx, visitor):
    image = nginx.media / "original_images" / "spine.png"
    image.parent.mkdir(exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n not really an image")

    response = visitor.get(nginx.https + "/media/original_images/spine.png", timeout=10)

    assert response.status_code == 200
    assert response.content == image.read_bytes()
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'; img-src 'self'; sandbox"


def test_documents_are_never_served_from_the_disk(nginx, visitor):
    document = nginx.media / "documents" / "referral.pdf"
    document.parent.mkdir(exist_ok=True)
    document.write_bytes(b"%PDF-1.7 a private referral letter")

    response = visitor.get(nginx.https + "/media/documents/referral.pdf", timeout=10)

    assert response.status_code == 404
    assert b"referral letter" not in response.content


def test_no_access_log_line_carries_a_query_string(nginx, running_app, visitor):
    visitor.get(nginx.http + "/?q=Jane+Patient", allow_redirects=False, timeout=10)
    response = visitor.get(
        nginx.https + "/admin/pages/search/?q=Jane+Patient", allow_redirects=False, timeout=10
    )

    assert '"GET /admin/pages/search/" 302' in nginx.access_line(response.headers["X-Request-ID"])
    # One worker logs in the order it answers: the plain HTTP request's line is written by now.
    assert '"GET /" 301' in nginx.access_log.read_text()
    for log in (nginx.access_log, nginx.default_access_log):
        assert "Jane" not in log.read_text(), log.name
