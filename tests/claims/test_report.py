"""The full report on a page's wording: every finding in its latest saved version, for its editors."""

import pytest

from django.urls import reverse

from tests.claims.factories import make_rule
from tests.factories import make_home_page, make_standard_page, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def about_page(db):
    return make_standard_page(make_home_page(), body=[("text", "<p>Osteopathy may help with back pain.</p>")])


def report_url(page):
    return reverse("claims_page_report", args=[page.pk])


def test_the_report_checks_the_latest_draft_not_the_live_page(admin_client, about_page, starter_rules):
    about_page.body = [("text", "<p>Results guaranteed.</p>"), ("text", "<p>No side effects, ever.</p>")]
    about_page.save_revision()

    report = admin_client.get(report_url(about_page)).content.decode()

    assert "(its draft)" in report
    assert "<mark>guaranteed</mark>" in report and "<mark>No side effects</mark>" in report
    assert "Body › block 2, Text" in report
    assert "No risky wording found." not in report


def test_a_clean_page_s_report_says_so(admin_client, about_page, starter_rules):
    report = admin_client.get(report_url(about_page)).content.decode()

    assert "No risky wording found." in report


def test_page_text_and_rule_text_are_escaped_in_the_report(admin_client, about_page):
    make_rule("heal all", reason="<em>Never</em>.", suggestion="<script>alert(1)</script>")
    about_page.body = [("text", "<p>&lt;img src=x onerror=alert(1)&gt; We heal all.</p>")]
    about_page.save_revision()

    report = admin_client.get(report_url(about_page)).content.decode()

    assert "&lt;img src=x onerror=alert(1)&gt; We <mark>heal all</mark>." in report
    assert "&lt;em&gt;Never&lt;/em&gt;." in report and "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "<img src=x" not in report and "<script>alert(1)" not in report


def test_editors_find_the_report_in_the_page_editor_s_menu(client, about_page, editors_view_rules):
    client.force_login(make_user("editor", groups=["Editors"]))

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[about_page.pk])).content.decode()
    report = client.get(report_url(about_page))

    assert f'href="{report_url(about_page)}"' in editor and "Check advertising claims" in editor
    assert report.status_code == 200
    assert f'href="{reverse("wagtailsnippets_claims_claimrule:list")}"' in report.content.decode()


def test_staff_who_may_not_edit_the_page_cannot_see_its_report(client, about_page):
    client.force_login(make_user("reception", groups=["Reception"]))

    response = client.get(report_url(about_page))

    # Wagtail's answer to a refused admin view: back to the dashboard, with a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
