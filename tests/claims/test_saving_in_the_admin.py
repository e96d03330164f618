"""Saving a page with risky wording warns the editor, with the reasons, and never stops the save."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from claims.models import ClaimRule
from pages.models import StandardPage
from tests.claims.factories import make_rule
from tests.factories import make_home_page, make_standard_page

pytestmark = pytest.mark.django_db

WARNING = "Check the wording"


@pytest.fixture
def home(db):
    return make_home_page()


def add_form(client, parent, **fields):
    url = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", parent.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(fields))
    return url, data


def edit_form(client, page, body):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(nested_form_data({"body": streamfield(body)}))
    return url, data


def text(html):
    return ("text", rich_text(html))


def warnings(response):
    return [str(message) for message in get_messages(response.wsgi_request) if WARNING in str(message)]


def test_saving_a_draft_with_risky_wording_warns_with_reasons_and_suggestions(
    admin_client, home, starter_rules
):
    url, data = add_form(
        admin_client,
        home,
        title="Back pain",
        slug="back-pain",
        body=streamfield([text("<p>We cure back pain.</p>")]),
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert not StandardPage.objects.get(slug="back-pain").live
    (warning,) = warnings(response)
    cure = ClaimRule.objects.get(phrase="cure")
    assert "1 phrase may break the advertising rules" in warning
    assert "Body › block 1, Text: “We <strong>cure</strong> back pain.”" in warning
    assert f"Absolute claim: {cure.reason} {cure.suggestion}" in warning


def test_publishing_with_risky_wording_warns_and_still_publishes(admin_client, home, starter_rules):
    page = make_standard_page(home, title="Children", slug="children")
    url, data = edit_form(admin_client, page, [text("<p>Osteopathy for infant colic and asthma.</p>")])
    data["action-publish"] = "action-publish"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    (warning,) = warnings(response)
    assert "2 phrases may break" in warning
    assert "<strong>infant colic</strong>" in warning and "Babies and children:" in warning
    assert "<strong>asthma</strong>" in warning and "Condition outside the accepted list:" in warning
    assert "<strong>colic</strong>" not in warning  # reported once, under "infant colic"


def test_saving_a_page_with_no_risky_wording_gives_no_warning(admin_client, home, starter_rules):
    page = make_standard_page(home)
    url, data = edit_form(admin_client, page, [text("<p>Osteopathy may help with back pain.</p>")])

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert warnings(response) == []


def test_the_warning_lists_the_first_three_findings_and_links_to_them_all(admin_client, home, starter_rules):
    page = make_standard_page(home)
    url, data = edit_form(
        admin_client, page, [text("<p>A miracle cure, guaranteed: 100% effective, permanent relief.</p>")]
    )

    response = admin_client.post(url, data, follow=True)

    assert response.status_code == 200
    (warning,) = [str(message) for message in response.context["messages"] if WARNING in str(message)]
    assert "5 phrases may break" in warning
    assert warning.count("<li>") == 3
    assert "And 2 more." in warning
    report_url = reverse("claims_page_report", args=[page.pk])
    assert f'href="{report_url}"' in warning
    assert warning in response.content.decode()  # shown on the edit page, as it is
    report = admin_client.get(report_url).content.decode()
    for words in ("miracle", "cure", "guaranteed", "100% effective", "permanent relief"):
        assert f"<mark>{words}</mark>" in report


def test_page_text_and_rule_text_are_escaped_in_the_warning(admin_client, home):
    make_rule(
        "heal all", reason="Never <b>bold</b>.", suggestion='Try <a href="https://evil.example/">this</a>.'
    )
    page = make_standard_page(home)
    url, data = edit_form(
        admin_client, page, [text("<p>&lt;script&gt;alert('x')&lt;/script&gt; We heal all &amp; more.</p>")]
    )

    response = admin_client.post(url, data)

    (warning,) = warnings(response)
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; We <strong>heal all</strong> &amp; more."
        in warning
    )
    assert "Never &lt;b&gt;bold&lt;/b&gt;." in warning
    assert "&lt;a href=&quot;https://evil.example/&quot;&gt;" in warning
    assert "<script>" not in warning and "<b>" not in warning and 'evil.example/"' not in warning


def test_an_autosave_leaves_no_warning_for_later(admin_client, home, starter_rules):
    page = make_standard_page(home)
    url, data = edit_form(admin_client, page, [text("<p>We cure back pain.</p>")])

    response = admin_client.post(url, data, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.json()["success"]
    assert warnings(response) == []
    saved = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert "We cure back pain." in saved.body.raw_data[0]["value"]
    assert WARNING not in admin_client.get(url).content.decode()


def test_changing_the_list_in_the_admin_changes_the_warning(admin_client, home, starter_rules):
    page = make_standard_page(home)
    body = [text("<p>Our cranial work helps every baby settle.</p>")]
    url, data = edit_form(admin_client, page, body)
    assert warnings(admin_client.post(url, data)) == []

    viewset = ClaimRule.snippet_viewset
    added = admin_client.post(
        reverse(viewset.get_url_name("add")),
        {
            "phrase": "every baby",
            "category": "children",
            "reason": "Claims about all babies need evidence.",
            "suggestion": "Describe the assessment instead.",
        },
    )
    assert added.status_code == 302
    url, data = edit_form(admin_client, page, body)
    (warning,) = warnings(admin_client.post(url, data))
    assert "<strong>every baby</strong>" in warning and "Claims about all babies need evidence." in warning

    rule = ClaimRule.objects.get(phrase="every baby")
    admin_client.post(reverse(viewset.get_url_name("delete"), args=[rule.pk]))
    url, data = edit_form(admin_client, page, body)
    assert warnings(admin_client.post(url, data)) == []
