"""
Fixtures shared by the whole suite.

Tests run on PostgreSQL with Wagtail's real migrations. Live-server and
transactional tests end by flushing every table, which also removes what Wagtail's
data migrations created: the root page, the default site and locale, the root
collection and the default groups. ``ensure_wagtail_tree`` puts that back, once
per session (so a database kept with --reuse-db starts whole) and before each
test that asks for ``wagtail_tree``.

The demo site is built once per session and kept as a snapshot of every table
(``tests/snapshots.py``); ``demo_site`` and ``demo_site_live`` put it back in
tens of milliseconds instead of building it again.
"""

import importlib
from io import StringIO

import pytest

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from enquiries.models import Enquiry
from pages.models import HomePage
from tests.snapshots import DatabaseSnapshot, forget_cached_rows

RECEPTION_PERMISSIONS = importlib.import_module(
    "enquiries.migrations.0003_reception_group"
).RECEPTION_PERMISSIONS
RECEPTION_REPLY_PERMISSIONS = importlib.import_module(
    "enquiries.migrations.0008_reception_replies"
).RECEPTION_REPLY_PERMISSIONS
STAFF_CLINIC_PERMISSIONS = importlib.import_module(
    "clinic.migrations.0007_staff_edit_clinic_details"
).GROUP_PERMISSIONS
EDITORS_CLAIMS_PERMISSIONS = importlib.import_module(
    "claims.migrations.0003_editors_view_rules"
).EDITORS_PERMISSIONS
add_clinical_review = importlib.import_module(
    "pages.migrations.0008_clinical_review_workflow"
).add_clinical_review

# What Wagtail's migrations give its two default groups: permissions on the root
# page (wagtailcore 0002, 0005, 0045), model permissions (wagtailadmin 0001 and the
# images and documents migrations) and image and document permissions on the root
# collection (wagtailimages 0012, 0023; wagtaildocs 0006, 0011).
DEFAULT_GROUP_PAGE_PERMISSIONS = {
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Editors": ["add_page", "change_page"],
}
DEFAULT_GROUP_PERMISSIONS = [
    "wagtailadmin.access_admin",
    *(f"wagtailimages.{action}_image" for action in ("add", "change", "choose", "delete")),
    *(f"wagtaildocs.{action}_document" for action in ("add", "change", "choose", "delete")),
]
DEFAULT_GROUP_COLLECTION_PERMISSIONS = [
    *(f"wagtailimages.{action}_image" for action in ("add", "change", "choose")),
    *(f"wagtaildocs.{action}_document" for action in ("add", "change", "choose")),
]


def _permissions_by_label():
    """Wagtail's permissions, keyed by "app_label.codename"."""
    permissions = Permission.objects.filter(
        content_type__app_label__in=[
            "wagtailadmin",
            "wagtailcore",
            "wagtaildocs",
            "wagtailimages",
            "claims",
            "clinic",
        ]
    ).select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}": p for p in permissions}


def ensure_wagtail_tree():
    """
    Recreate, where missing, the rows Wagtail's data migrations put in a new database.

    Rows that exist are left alone, so this is cheap on a database that is whole.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))

    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        welcome = root.get_first_child() or root.add_child(
            instance=Page(title="Welcome to your new Wagtail site!", slug="home")
        )
        Site.objects.update_or_create(
            hostname="localhost", port=80, defaults={"root_page": welcome, "is_default_site": True}
        )
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")

    permissions = _permissions_by_label()
    for name, page_permissions in DEFAULT_GROUP_PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        model_permissions = [permissions[label] for label in DEFAULT_GROUP_PERMISSIONS]
        if name == "Editors":  # claims 0003: Editors may read the advertising claims rules
            model_permissions += [permissions[f"{app}.{code}"] for app, _, code in EDITORS_CLAIMS_PERMISSIONS]
        # clinic 0007: Editors and Moderators keep the clinic's details and closures.
        model_permissions += [permissions[f"{app}.{code}"] for app, _, code in STAFF_CLINIC_PERMISSIONS[name]]
        group.permissions.add(*model_permissions)
        GroupPagePermission.objects.bulk_create(
            [
                GroupPagePermission(group=group, page=root, permission=permissions[f"wagtailcore.{codename}"])
                for codename in page_permissions
            ],
            ignore_conflicts=True,
        )
        GroupCollectionPermission.objects.bulk_create(
            [
                GroupCollectionPermission(
                    group=group, collection=root_collection, permission=permissions[label]
                )
                for label in DEFAULT_GROUP_COLLECTION_PERMISSIONS
            ],
            ignore_conflicts=True,
        )

    # enquiries 0003: the Reception group, with the permissions its migration gives it.
    reception, created = Group.objects.get_or_create(name="Reception")
    if created:
        reception.permissions.add(
            *Permission.objects.filter(
                content_type__app_label__in={app for app, _, _ in RECEPTION_PERMISSIONS},
                codename__in=[codename for _, _, codename in RECEPTION_PERMISSIONS],
            )
        )
        # clinic 0007: Reception keep the closures.
        reception.permissions.add(
            *[permissions[f"{app}.{code}"] for app, _, code in STAFF_CLINIC_PERMISSIONS["Reception"]]
        )
        # enquiries 0008: replying, and the canned answers replies start from.
        reception.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="enquiries",
                codename__in=[codename for _, _, codename in RECEPTION_REPLY_PERMISSIONS],
            )
        )

    # pages 0008: the "Clinical review" workflow and its reviewers' group.
    if not Group.objects.filter(name="Clinical reviewers").exists():
        add_clinical_review(django_apps)

    # wagtailcore 0048: publishing by an editor goes through the moderators.
    if not WorkflowPage.objects.filter(page=root).exists():
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set(Group.objects.filter(name="Moderators"))
        workflow = Workflow.objects.create(name="Moderators approval")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=root)


def left_behind_by_an_interrupted_run():
    """Rows only a test writes, committed by a transactional test that never reached its flush."""
    return any(model.objects.exists() for model in (get_user_model(), Enquiry, HomePage))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Create or reuse the test database, then make sure it is empty but for Wagtail's whole tree."""
    with django_db_blocker.unblock():
        if left_behind_by_an_interrupted_run():
            call_command("flush", interactive=False, verbosity=0)
        ensure_wagtail_tree()


@pytest.fixture
def wagtail_tree(transactional_db):
    """Put Wagtail's tree back after the flush that ended the previous transactional test."""
    ensure_wagtail_tree()
    forget_cached_rows()


@pytest.fixture
def site(db):
    """The default Wagtail site."""
    return Site.objects.get(is_default_site=True)


def session_snapshot(name, build, on_top_of=None):
    """
    A session-scoped fixture: a snapshot of the database as ``build()`` leaves
    it, made the first time a test needs it, starting from the snapshot fixture
    named ``on_top_of`` if given. The database itself is put back as it was, so
    tests that do not ask for the snapshot never see what it holds.
    """

    @pytest.fixture(scope="session")
    def snapshot(request, django_db_setup, django_db_blocker):
        base = request.getfixturevalue(on_top_of) if on_top_of else None
        before = DatabaseSnapshot(f"test_snapshot_before_{name}")
        built = DatabaseSnapshot(f"test_snapshot_{name}")
        with django_db_blocker.unblock():
            with transaction.atomic():
                before.take()
                if base is not None:
                    base.restore()
                else:
                    ensure_wagtail_tree()  # a transactional test may have flushed it
                build()
                built.take()
                before.restore()
            before.drop()
        yield built
        with django_db_blocker.unblock():
            built.drop()

    return snapshot


def build_demo_site():
    """`manage.py load_demo_content`, then every live page visited once, as its first visitors would."""
    call_command("load_demo_content", stdout=StringIO())
    client = Client()
    for page in demo_home_page().get_descendants(inclusive=True).live().specific():
        # The first request makes the page's image renditions, kept in the snapshot.
        assert client.get(page.url).status_code == 200, page.url


demo_snapshot = session_snapshot("demo", build_demo_site)


def demo_home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def demo_site(db, demo_snapshot):
    """The demo site, inside the test's transaction; returns the home page."""
    demo_snapshot.restore()
    yield demo_home_page()
    forget_cached_rows()  # the rollback takes the snapshot's rows away again


@pytest.fixture
def demo_site_live(transactional_db, demo_snapshot):
    """The demo site, committed, for live-server and threaded tests; returns the home page."""
    demo_snapshot.restore()
    yield demo_home_page()
    forget_cached_rows()


# Fixtures that restore a snapshot, and with it replace every row in the database.
RESTORING_FIXTURES = ("demo_site", "demo_site_live", "clinic_pages", "twelve_results")


@pytest.fixture(autouse=True)
def _snapshot_first(request):
    """
    A restored snapshot replaces every row, so it comes before any fixture that
    adds rows of its own (a signed-in user, an enquiry), whatever their order.
    """
    for name in RESTORING_FIXTURES:
        if name in request.fixturenames:
            request.getfixturevalue(name)
