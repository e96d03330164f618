"""What patients typed is always shown as text: no admin page renders it as HTML."""

import pytest

from django.utils.html import escape

from tests.enquiries.admin.conftest import bulk_url, enquiry_url, inbox_url
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

SCRIPT = "<script>alert('x')</script>"
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def hostile(db):
    return make_enquiry(
        name=f"{SCRIPT} {IMG}",
        message=f"Hello {SCRIPT}\n{IMG} bye",
        treatment_title=IMG,
        source_url=f"/contact/?q={IMG}",
        urgent=True,
    )


def assert_shown_as_text(content, *, shown=True):
    for raw in (SCRIPT, IMG):
        assert raw not in content
    if shown:
        assert escape(SCRIPT) in content
        assert escape(IMG) in content


def test_list_shows_hostile_text_escaped(reception_client, hostile):
    assert_shown_as_text(reception_client.get(inbox_url()).content.decode())


def test_search_results_show_hostile_text_escaped(reception_client, hostile):
    content = reception_client.get(inbox_url(q="alert")).content.decode()

    assert hostile.reference in content
    assert_shown_as_text(content)


def test_inspect_shows_hostile_name_and_message_escaped(reception_client, hostile):
    content = reception_client.get(enquiry_url("inspect", hostile)).content.decode()

    assert_shown_as_text(content)
    assert f"Hello {escape(SCRIPT)}" in content
    assert f"{escape(IMG)} bye" in content


def test_inspect_shows_a_hostile_note_escaped(reception_client, hostile):
    reception_client.post(enquiry_url("add_note", hostile), {"text": f"Patient pasted {SCRIPT}"})

    content = reception_client.get(enquiry_url("inspect", hostile)).content.decode()

    assert f"Patient pasted {escape(SCRIPT)}" in content
    assert_shown_as_text(content)


def test_edit_form_never_renders_hostile_text(reception_client, hostile):
    assert_shown_as_text(reception_client.get(enquiry_url("edit", hostile)).content.decode(), shown=False)


def test_history_never_renders_hostile_text(reception_client, hostile):
    reception_client.get(enquiry_url("inspect", hostile))
    reception_client.post(
        enquiry_url("edit", hostile), {"status": "in_progress", "outcome": "", "assignee": ""}
    )

    content = reception_client.get(enquiry_url("history", hostile)).content.decode()

    assert hostile.reference in content
    assert_shown_as_text(content, shown=False)


def test_dashboard_panel_never_renders_hostile_text(reception_client, hostile):
    content = reception_client.get("/admin/").content.decode()

    assert hostile.reference in content
    assert_shown_as_text(content, shown=False)


@pytest.mark.parametrize("action", ["assign_to_me", "mark_as_spam", "close"])
def test_bulk_confirmation_never_renders_hostile_text(reception_client, hostile, action):
    content = reception_client.get(bulk_url(action, hostile)).content.decode()

    assert hostile.reference in content
    assert_shown_as_text(content, shown=False)


def test_a_hostile_search_term_is_echoed_escaped(reception_client, hostile):
    content = reception_client.get(inbox_url(), {"q": IMG}).content.decode()

    assert IMG not in content


def test_history_shows_a_hostile_staff_name_escaped(reception_client, hostile):
    odd = make_user("odd", groups=["Reception"], first_name=IMG, last_name="Staff")
    reception_client.post(
        enquiry_url("edit", hostile), {"status": "in_progress", "outcome": "", "assignee": odd.pk}
    )

    for url in (enquiry_url("history", hostile), enquiry_url("inspect", hostile), inbox_url()):
        content = reception_client.get(url).content.decode()
        assert IMG not in content
        assert escape(IMG) in content
