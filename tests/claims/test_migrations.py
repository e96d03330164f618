"""claims 0002 adds the starter list of rules and 0003 lets Editors read it; both can be undone."""

import pytest

from django.contrib.auth.models import Group

from tests.migrator import migrate

pytestmark = pytest.mark.django_db


def test_the_starter_list_is_added_with_every_category_and_undone_without_losing_edits():
    apps = migrate(("claims", "0001_initial"))
    ClaimRule = apps.get_model("claims", "ClaimRule")
    ClaimRule.objects.all().delete()
    ClaimRule.objects.create(phrase="Miracle", category="other", reason="Our own words.", suggestion="")

    apps = migrate()
    ClaimRule = apps.get_model("claims", "ClaimRule")
    rules = {rule.phrase.lower(): rule for rule in ClaimRule.objects.all()}

    assert 15 <= len(rules) <= 25
    assert {rule.category for rule in rules.values()} == {
        "absolute",
        "condition",
        "children",
        "pregnancy",
        "other",
    }
    assert all(rule.reason for rule in rules.values())
    assert rules["miracle"].reason == "Our own words."  # kept as staff wrote it
    assert {"cure", "guarantee", "100% effective", "infant colic", "breech"} <= rules.keys()

    ClaimRule.objects.filter(phrase="cure").update(reason="Edited by staff.")
    apps = migrate(("claims", "0001_initial"))

    left = apps.get_model("claims", "ClaimRule").objects.order_by("phrase")
    assert [(rule.phrase, rule.reason) for rule in left] == [
        ("Miracle", "Our own words."),
        ("cure", "Edited by staff."),
    ]


def test_editors_may_view_the_rules_and_nothing_more():
    migrate(("claims", "0002_starter_rules"))
    editors = Group.objects.get(name="Editors")
    assert not editors.permissions.filter(content_type__app_label="claims").exists()

    migrate()

    codenames = set(
        editors.permissions.filter(content_type__app_label="claims").values_list("codename", flat=True)
    )
    assert codenames == {"view_claimrule"}
