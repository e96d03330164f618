"""The security headers every response carries, and the pages that no cache may keep."""

import pytest

from django.core import signing
from django.urls import reverse

from clinic.middleware import inline_script_hashes
from enquiries.views import CONFIRMATION_SALT
from tests.enquiries.factories import post_enquiry, valid_form_data
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    }


def test_public_pages_allow_nothing_but_the_sites_own_files(client, demo_site):
    response = client.get("/treatments/osteopathy/")

    assert policy(response) == {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/contact/", "/no-such-page/", "/robots.txt", "/healthz"])
def test_every_response_carries_the_other_security_headers(client, demo_site, url):
    response = client.get(url)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "Content-Security-Policy" in response


def test_the_admin_has_its_own_policy_allowing_exactly_its_inline_scripts(client, demo_site):
    client.force_login(make_user("admin", is_superuser=True))
    page_id = demo_site.get_children().get(slug="treatments").get_children().first().pk

    response = client.get(f"/admin/pages/{page_id}/edit/")

    admin = policy(response)
    assert admin["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in admin["script-src"]
    hashes = inline_script_hashes(response.content.decode())
    assert hashes, "the editor has inline scripts (the image and date choosers)"
    assert admin["script-src"] == ["'self'", *hashes]
    assert "no-store" in response["Cache-Control"]


def test_inline_script_hashes_cover_scripts_only():
    html = (
        "<script>run();</script>"
        '<script type="application/json">{"data": 1}</script>'
        '<script src="/static/app.js"></script>'
        '<script type="module">go();</script>'
    )

    # sha256 of "run();" and of "go();", base64-encoded as CSP wants them.
    assert inline_script_hashes(html) == [
        "'sha256-vUOElbTHLp1UxxGV/I6teJfpCV5vgaasYjEhPKN2fqQ='",
        "'sha256-bYOqbsii8BMz1hC57p5sZG4K4cMuk6QQDiwupM2aRMM='",
    ]


def test_pages_with_a_patients_details_are_kept_by_no_cache(client, demo_site):
    token = signing.dumps({"reference": "CH-ABC123", "urgent": False}, salt=CONFIRMATION_SALT)
    confirmation = client.get(f"{reverse('enquiries:sent')}?r={token}")
    form_with_errors = post_enquiry(client, valid_form_data(email="not-an-address"))

    for response in (confirmation, form_with_errors):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_the_public_policy_built_once_is_the_one_every_public_page_gets(client, demo_site, settings):
    first = client.get("/treatments/")["Content-Security-Policy"]

    assert client.get("/about/")["Content-Security-Policy"] == first
    assert client.get("/no-such-page/")["Content-Security-Policy"] == first
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'", "data:"]}
    }
    changed = client.get("/about/")["Content-Security-Policy"]
    assert changed != first and "img-src 'self' data:" in changed
