"""
Fixtures shared by the whole suite.

Tests run on PostgreSQL with Wagtail's real migrations. Live-server and
transactional tests end by flushing every table, which also removes what Wagtail's
data migrations created: the root page, the default site and locale, the root
collection and the default groups. ``ensure_wagtail_tree`` puts that back, once
per session (so a database kept with --reuse-db starts whole) and before each
test that asks for ``wagtail_tree`` (the browser tests do).
"""

import importlib
from io import StringIO

import pytest

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

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
from wagtail.permissions import policy_registry

RECEPTION_PERMISSIONS = importlib.import_module(
    "enquiries.migrations.0003_reception_group"
).RECEPTION_PERMISSIONS

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
        content_type__app_label__in=["wagtailadmin", "wagtailcore", "wagtaildocs", "wagtailimages"]
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
        group.permissions.add(*(permissions[label] for label in DEFAULT_GROUP_PERMISSIONS))
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

    # wagtailcore 0048: publishing by an editor goes through the moderators.
    if not WorkflowPage.objects.filter(page=root).exists():
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set(Group.objects.filter(name="Moderators"))
        workflow = Workflow.objects.create(name="Moderators approval")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=root)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Create or reuse the test database, then make sure Wagtail's tree is whole."""
    with django_db_blocker.unblock():
        ensure_wagtail_tree()


@pytest.fixture
def wagtail_tree(transactional_db):
    """Put Wagtail's tree back after the flush that ended the previous transactional test."""
    ensure_wagtail_tree()
    forget_content_types_from_before_the_flush()


def forget_content_types_from_before_the_flush():
    """
    A flush gives every content type a new id. Wagtail's permission policies
    keep the one they first looked up, which would then match no permission;
    on a real server ids never change, so only tests need this.
    """
    policies = [
        *policy_registry.values_by_exact_class.values(),
        *policy_registry.values_by_class.values(),
        *policy_registry.fallback_policies.values(),
    ]
    for policy in policies:
        policy.__dict__.pop("_content_type", None)


@pytest.fixture
def site(db):
    """The default Wagtail site."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_site(db):
    """The site as `manage.py load_demo_content` builds it; returns the home page."""
    call_command("load_demo_content", stdout=StringIO())
    return Site.objects.get(is_default_site=True).root_page.specific
