"""The userbar reaches signed-in staff only, and their copy of a page is never kept by a shared cache."""

import json
import re

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_visitors_get_no_userbar_and_no_private_cache_header(client, demo_site):
    response = client.get("/treatments/osteopathy/")

    assert "wagtail-userbar" not in response.content.decode()
    assert "private" not in response.get("Cache-Control", "")


def test_editors_get_the_userbar_with_the_clinics_checks_on_a_private_copy(client, demo_site):
    client.force_login(make_user("editor", groups=["Editors"]))

    response = client.get("/treatments/osteopathy/")

    html = response.content.decode()
    assert "<wagtail-userbar></wagtail-userbar>" in html
    # Inside the userbar's <template>, which HTML parsers keep apart from the page.
    config = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html)
    checks = json.loads(config[1])
    assert {"heading-order", "image-alt", "alt-text-quality"} <= set(checks["options"]["runOnly"])
    assert "private" in response["Cache-Control"]
