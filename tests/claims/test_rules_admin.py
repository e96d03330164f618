"""
The list of rules in the admin (Snippets > Advertising claims rules): administrators
change it, Editors may read it, and a rule's phrase is plain words.
"""

import pytest

from django.urls import reverse

from wagtail.models import ModelLogEntry

from claims.models import ClaimRule
from tests.factories import make_user

pytestmark = pytest.mark.django_db

NEW_RULE = {
    "phrase": "posture correction",
    "category": "other",
    "reason": "Claims to correct posture need robust evidence.",
    "suggestion": "Say we give advice on posture.",
}


def url(name, *args):
    return reverse(ClaimRule.snippet_viewset.get_url_name(name), args=args)


def test_an_administrator_adds_a_rule_and_it_is_logged(admin_client, admin_user):
    response = admin_client.post(url("add"), NEW_RULE)

    assert response.status_code == 302
    rule = ClaimRule.objects.get(phrase="posture correction")
    assert ModelLogEntry.objects.get(action="wagtail.create", object_id=str(rule.pk)).user == admin_user


def test_editors_can_read_the_rules_but_not_change_them(client, starter_rules, editors_view_rules):
    client.force_login(make_user("editor", groups=["Editors"]))
    cure = ClaimRule.objects.get(phrase="cure")

    listing = client.get(url("list"))
    inspect = client.get(url("inspect", cure.pk))

    assert listing.status_code == 200 and "permanent relief" in listing.content.decode()
    assert inspect.status_code == 200 and cure.reason in inspect.content.decode()
    assert url("add") not in listing.content.decode()
    for refused in (
        client.get(url("add")),
        client.post(url("add"), NEW_RULE),
        client.get(url("edit", cure.pk)),
    ):
        assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    client.post(url("delete", cure.pk))
    assert ClaimRule.objects.filter(phrase="cure").exists()
    assert not ClaimRule.objects.filter(phrase="posture correction").exists()


def test_a_phrase_already_on_the_list_is_refused_whatever_its_case(admin_client, starter_rules):
    response = admin_client.post(url("add"), {**NEW_RULE, "phrase": "Permanent  Relief"})

    assert response.status_code == 200
    assert "There is already a rule for this phrase." in response.content.decode()
    assert ClaimRule.objects.filter(phrase__iexact="permanent relief").count() == 1


def test_a_regular_expression_is_refused_as_a_phrase(admin_client):
    response = admin_client.post(url("add"), {**NEW_RULE, "phrase": "cur(e|ing).*"})

    assert response.status_code == 200
    assert "Use plain words" in response.content.decode()
    assert not ClaimRule.objects.filter(category="other", reason=NEW_RULE["reason"]).exists()
