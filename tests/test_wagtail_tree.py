"""The suite's rebuild of Wagtail's tree (conftest.ensure_wagtail_tree) matches Wagtail's migrations."""

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Collection, Locale, Page, Site, Workflow

from tests.conftest import ensure_wagtail_tree


def _labels(permissions):
    return sorted(f"{p.content_type.app_label}.{p.codename}" for p in permissions)


def wagtail_defaults():
    """What Wagtail's data migrations create, without primary keys."""
    return {
        "locales": list(Locale.objects.values_list("language_code", flat=True)),
        "pages": list(
            Page.objects.order_by("path").values_list(
                "path", "depth", "numchild", "title", "slug", "url_path", "content_type__model", "live"
            )
        ),
        "sites": list(Site.objects.values_list("hostname", "port", "is_default_site", "root_page__path")),
        "collections": list(Collection.objects.values_list("path", "name")),
        "groups": {
            group.name: {
                "model": _labels(group.permissions.all()),
                "pages": sorted((p.page.path, p.permission.codename) for p in group.page_permissions.all()),
                "collections": sorted(
                    (p.collection.path, *_labels([p.permission])) for p in group.collection_permissions.all()
                ),
            }
            for group in Group.objects.all()
        },
        "workflows": [
            (
                workflow.name,
                [page.path for page in Page.objects.filter(workflowpage__workflow=workflow)],
                [(task.name, [g.name for g in task.specific.groups.all()]) for task in workflow.tasks],
            )
            for workflow in Workflow.objects.order_by("name")
        ],
    }


def test_rebuilds_what_the_migrations_made_after_a_flush(db):
    # Inside the test's transaction, so the flush is rolled back afterwards.
    made_by_migrations = wagtail_defaults()

    call_command("flush", interactive=False, verbosity=0)
    assert not Page.objects.exists()
    ensure_wagtail_tree()

    assert wagtail_defaults() == made_by_migrations


def test_leaves_a_whole_tree_alone(db, django_assert_max_num_queries):
    before = wagtail_defaults()

    with django_assert_max_num_queries(16):
        ensure_wagtail_tree()

    assert wagtail_defaults() == before
