"""
The starter list of rules, as migration 0002 leaves it, and Editors' permission to read it (0003).

Live-server tests elsewhere in the suite empty every table, which takes both
away (``ensure_wagtail_tree`` rebuilds only Wagtail's own rows); the fixtures
put them back from the migrations' own data.
"""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from claims.models import ClaimRule

starter = importlib.import_module("claims.migrations.0002_starter_rules")
editors = importlib.import_module("claims.migrations.0003_editors_view_rules")


@pytest.fixture
def starter_rules(db):
    starter.add_starter_rules(apps, None)
    return list(ClaimRule.objects.all())


@pytest.fixture
def editors_view_rules(db):
    Group.objects.get(name="Editors").permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app, content_type__model=model, codename=codename)
            for app, model, codename in editors.EDITORS_PERMISSIONS
        )
    )
