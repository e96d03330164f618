"""
Who may see enquiries: Reception and administrators, and nobody else.

Editors, Moderators and users with no group get no trace of enquiries: every
enquiry URL refuses them (Wagtail answers a signed-in user without the permission
with a redirect to the dashboard, and a user without admin access with a redirect
to the login page), nothing they are sent back names an enquiry, and nothing they
post changes one.
"""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import ModelLogEntry

from enquiries.models import Enquiry, EnquiryNote
from tests.enquiries.admin.conftest import bulk_url, enquiry_url, inbox_url
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

OUTSIDERS = [["Editors"], ["Moderators"], []]
BULK_ACTIONS = ["assign_to_me", "mark_as_spam", "close", "delete"]
TRIAGE_BUTTONS = ["assign_to_me", "mark_in_progress", "close", "mark_as_spam", "not_spam"]


@pytest.fixture
def enquiry(db):
    return make_enquiry(
        name="Perpetua Lowestoft",
        email="perpetua@patient.example",
        message="Sharp pain in my hip since the marathon.",
        suspected_spam=True,
    )


@pytest.fixture(params=OUTSIDERS, ids=["editor", "moderator", "no-groups"])
def outsider_client(request, client, db):
    client.force_login(make_user("outsider", groups=request.param))
    return client


def assert_refused(response, enquiry, also=()):
    """A 403, or Wagtail's redirect to the dashboard or the login page; never the enquiry's data."""
    assert response.status_code in (302, 403, *also)
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")
    content = response.content.decode()
    for value in (enquiry.reference, "Perpetua", "Lowestoft", "perpetua@patient.example", "marathon"):
        assert value not in content


def get_urls(enquiry):
    return [
        inbox_url(),
        inbox_url(q="Perpetua"),
        enquiry_url("inspect", enquiry),
        enquiry_url("edit", enquiry),
        enquiry_url("delete", enquiry),
        enquiry_url("history", enquiry),
        enquiry_url("history_results", enquiry),
        enquiry_url("usage", enquiry),
        reverse("enquiry_admin:list_results"),
        inbox_url(export="csv"),
        inbox_url(export="xlsx"),
        reverse("enquiry_admin:add"),
    ]


def test_outsiders_are_refused_every_enquiry_page(outsider_client, enquiry):
    for url in get_urls(enquiry):
        assert_refused(outsider_client.get(url), enquiry)


def test_outsiders_cannot_change_delete_annotate_or_rescue_an_enquiry(outsider_client, enquiry):
    assert_refused(
        outsider_client.post(enquiry_url("edit", enquiry), {"status": "closed", "outcome": "booked"}), enquiry
    )
    assert_refused(outsider_client.post(enquiry_url("delete", enquiry)), enquiry)
    assert_refused(outsider_client.post(enquiry_url("add_note", enquiry), {"text": "Seen"}), enquiry)
    assert_refused(outsider_client.post(enquiry_url("not_spam", enquiry)), enquiry)

    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.suspected_spam is True
    assert not EnquiryNote.objects.exists()


@pytest.mark.parametrize("groups", [["Editors"], ["Moderators"]], ids=["editor", "moderator"])
@pytest.mark.parametrize("name", TRIAGE_BUTTONS)
def test_editors_and_moderators_pressing_a_triage_button_get_403_and_change_nothing(
    client, enquiry, groups, name
):
    client.force_login(make_user("outsider", groups=groups))
    before = Enquiry.objects.values().get(pk=enquiry.pk)

    response = client.post(enquiry_url(name, enquiry), {"outcome": "booked"})

    assert response.status_code == 403
    assert_refused(response, enquiry)
    assert Enquiry.objects.values().get(pk=enquiry.pk) == before
    assert not ModelLogEntry.objects.for_instance(enquiry).exists()


@pytest.mark.parametrize("name", TRIAGE_BUTTONS)
def test_someone_without_admin_access_pressing_a_triage_button_is_sent_to_log_in(client, enquiry, name):
    client.force_login(make_user("outsider"))
    before = Enquiry.objects.values().get(pk=enquiry.pk)

    response = client.post(enquiry_url(name, enquiry), {"outcome": "booked"})

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert Enquiry.objects.values().get(pk=enquiry.pk) == before


@pytest.fixture
def viewer_client(client, db):
    """Someone who may read enquiries but not change them."""
    group = Group.objects.create(name="Auditors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_enquiry")
    )
    client.force_login(make_user("auditor", groups=["Auditors"]))
    return client


def test_someone_who_may_only_view_is_offered_no_triage_buttons(viewer_client, enquiry):
    content = viewer_client.get(enquiry_url("inspect", enquiry)).content.decode()

    assert enquiry.reference in content
    assert 'id="actions-heading"' not in content
    for name in TRIAGE_BUTTONS:
        assert enquiry_url(name, enquiry) not in content


@pytest.mark.parametrize("name", TRIAGE_BUTTONS)
def test_someone_who_may_only_view_is_refused_the_triage_buttons_with_403(viewer_client, enquiry, name):
    before = Enquiry.objects.values().get(pk=enquiry.pk)

    assert viewer_client.post(enquiry_url(name, enquiry), {"outcome": "booked"}).status_code == 403
    assert Enquiry.objects.values().get(pk=enquiry.pk) == before


def test_outsiders_cannot_get_the_note_and_triage_urls_either(outsider_client, enquiry):
    for name in ("add_note", *TRIAGE_BUTTONS):
        response = outsider_client.get(enquiry_url(name, enquiry))
        assert response.status_code in (302, 403, 405)
        assert enquiry.reference not in response.content.decode()


@pytest.mark.parametrize(
    "groups",
    [
        pytest.param(["Editors"], id="editor"),
        pytest.param(["Moderators"], id="moderator"),
        pytest.param([], id="no-groups"),
    ],
)
@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_outsiders_are_refused_every_bulk_action_page(client, enquiry, groups, action):
    client.force_login(make_user("outsider", groups=groups))

    assert_refused(client.get(bulk_url(action, enquiry)), enquiry)


CHOOSER = "/admin/snippets/choose/enquiries/enquiry/"


@pytest.mark.parametrize(
    "groups",
    [
        pytest.param(["Editors"], id="editor"),
        pytest.param(["Moderators"], id="moderator"),
        pytest.param([], id="no-groups"),
    ],
)
def test_no_snippet_chooser_exposes_enquiries(client, enquiry, groups):
    """There is no chooser for enquiries at all, so its addresses are not found."""
    client.force_login(make_user("outsider", groups=groups))

    for url in (
        CHOOSER,
        f"{CHOOSER}results/?q=Perpetua",
        f"{CHOOSER}chosen/{enquiry.pk}/",
        f"{CHOOSER}chosen-multiple/?id={enquiry.pk}",
    ):
        assert_refused(client.get(url), enquiry, also=(404,))


@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_outsiders_posting_a_bulk_action_change_nothing(outsider_client, enquiry, action):
    outsider_client.post(bulk_url(action, enquiry), {"outcome": "booked"})

    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.assignee is None
    assert enquiry.closed_at is None


def test_outsiders_see_no_enquiries_menu_item_or_dashboard_panel(outsider_client, enquiry):
    response = outsider_client.get("/admin/", follow=True)
    content = response.content.decode()
    assert "Enquiries" not in content
    assert reverse("enquiry_admin:list") not in content
    assert "Open the enquiries inbox" not in content
    assert enquiry.reference not in content


def test_editor_is_sent_back_to_the_dashboard_with_a_refusal(client, enquiry):
    client.force_login(make_user("eddie", groups=["Editors"]))

    response = client.get(enquiry_url("inspect", enquiry), follow=True)

    assert response.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in response.content.decode()


def test_reception_sees_the_menu_item_and_the_dashboard_panel(reception_client, enquiry):
    content = reception_client.get("/admin/").content.decode()
    assert f'href="{reverse("enquiry_admin:list")}"' in content
    assert "Open the enquiries inbox" in content


def test_reception_can_list_inspect_edit_and_see_history(reception_client, enquiry):
    for url in (
        inbox_url(),
        enquiry_url("inspect", enquiry),
        enquiry_url("edit", enquiry),
        enquiry_url("history", enquiry),
    ):
        response = reception_client.get(url)
        assert response.status_code == 200, url
        assert enquiry.reference in response.content.decode()


def test_reception_can_export_and_add_notes(reception_client, enquiry):
    assert reception_client.get(inbox_url(export="csv")).status_code == 200
    assert reception_client.get(inbox_url(export="xlsx")).status_code == 200

    response = reception_client.post(enquiry_url("add_note", enquiry), {"text": "Rang back"})

    assert response.status_code == 302
    assert enquiry.notes.get().text == "Rang back"


def test_reception_cannot_delete_an_enquiry(reception_client, enquiry):
    assert_refused(reception_client.get(enquiry_url("delete", enquiry)), enquiry)
    reception_client.post(enquiry_url("delete", enquiry))
    reception_client.post(bulk_url("delete", enquiry))

    assert Enquiry.objects.filter(pk=enquiry.pk).exists()


def test_reception_sees_no_delete_link(reception_client, enquiry):
    delete_url = enquiry_url("delete", enquiry)
    assert delete_url not in reception_client.get(enquiry_url("edit", enquiry)).content.decode()
    assert delete_url not in reception_client.get(inbox_url()).content.decode()


def test_an_administrator_can_delete_an_enquiry(superuser_client, enquiry):
    response = superuser_client.post(enquiry_url("delete", enquiry))

    assert response.status_code == 302
    assert not Enquiry.objects.filter(pk=enquiry.pk).exists()


@pytest.mark.parametrize("who", ["reception_client", "superuser_client"])
def test_nobody_can_add_an_enquiry_in_the_admin(request, who, enquiry):
    client = request.getfixturevalue(who)
    add_url = reverse("enquiry_admin:add")

    assert client.get(add_url).status_code in (302, 403)
    client.post(add_url, {"name": "Made up", "email": "made@up.example", "message": "Invented"})

    assert list(Enquiry.objects.all()) == [enquiry]
    assert add_url not in client.get(inbox_url()).content.decode()
